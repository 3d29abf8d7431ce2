from datetime import date

from freezegun import freeze_time

from odoo.tests import HttpCase, new_test_user, tagged

from .common import SupportTermsCase


@tagged("post_install", "-at_install")
class TestPortalCompanyDay(HttpCase, SupportTermsCase):
    """The plan in force is the company's (Rome's) day, whatever the hour in
    UTC or the customer's own time zone."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.support_tz = "Europe/Rome"
        cls.ended_customer = cls.env["res.partner"].create(
            {"name": "Verdi Ottica Srl", "is_company": True}
        )
        cls.ended_contact = cls.env["res.partner"].create(
            {
                "name": "Anna Verdi",
                "parent_id": cls.ended_customer.id,
                "email": "anna@verdi.example",
            }
        )
        # the plan ended on 15 January 2026, Rome's day
        cls._create_contract(
            cls.ended_customer,
            cls.product_basic,
            date(2025, 1, 16),
            date(2026, 1, 15),
        )
        # a customer whose own clock (London) is still on the 15th
        new_test_user(
            cls.env,
            login="anna_portal",
            password="anna-portal-1",
            groups="base.group_portal",
            partner_id=cls.ended_contact.id,
            tz="Europe/London",
        )

    def test_portal_no_longer_shows_a_plan_ended_yesterday_in_rome(self):
        """At 23:30 UTC on 15 January it is already the 16th in Rome: the
        plan that ended on the 15th is no longer in force."""
        with freeze_time("2026-01-15 23:30:00"):
            self.authenticate("anna_portal", "anna-portal-1")
            page = self.url_open("/my/support").text
        self.assertIn("no support plan in force", page)
        self.assertNotIn("BASIC plan", page)

    def test_portal_shows_the_plan_on_its_last_day_in_rome(self):
        """At 22:30 UTC on 15 January it is 23:30 in Rome: still its last day."""
        with freeze_time("2026-01-15 22:30:00"):
            self.authenticate("anna_portal", "anna-portal-1")
            page = self.url_open("/my/support").text
        self.assertIn("BASIC plan", page)
