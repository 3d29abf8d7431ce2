from datetime import date, datetime

from odoo.tests import tagged

from .common import SupportPlanCase


@tagged("post_install", "-at_install")
class TestPlanOnTheCompanyDay(SupportPlanCase):
    """A request gets the plan in force on the day it arrived, the company's
    day (Rome), whatever the time zone of the user the mail gateway runs as."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.support_tz = "Europe/Rome"
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {"name": "Assistenza", "alias_name": "assistenza-day"}
        )
        # the PREMIUM plan ended on 15 January 2026 (winter) and on 15 July
        # 2026 (summer), Rome's days
        cls._create_contract(
            cls.customer, cls.product_premium, date(2025, 1, 16), date(2026, 1, 15)
        )
        cls.summer_customer = cls.env["res.partner"].create(
            {"name": "Neri Vini Srl", "is_company": True}
        )
        cls.env["res.partner"].create(
            {
                "name": "Paolo Neri",
                "parent_id": cls.summer_customer.id,
                "email": "paolo@neri.example",
            }
        )
        cls._create_contract(
            cls.summer_customer,
            cls.product_premium,
            date(2025, 7, 16),
            date(2026, 7, 15),
        )
        # the gateway runs as a user of a server on UTC
        cls.env.user.tz = "UTC"

    def _receive(self, sender, moment, message_id):
        # the request is created when the email arrives: the transaction's
        # clock (create_date, PostgreSQL's now() ignores frozen time) is that
        # moment, as in the gateway's own transaction
        cr = self.env.cr
        saved, cr._now = cr._now, moment
        try:
            ticket_id = self.receive_email(
                sender,
                "assistenza-day@example.com",
                "Posta non funziona",
                moment,
                message_id,
                custom_values={"team_id": self.team.id},
            )
        finally:
            cr._now = saved
        ticket = self.env["helpdesk.ticket"].browse(ticket_id)
        self.assertEqual(ticket.create_date, moment)
        return ticket

    def test_email_at_half_past_midnight_in_rome_gets_no_ended_plan(self):
        """23:30 UTC on 15 January is 00:30 on the 16th in Rome: the plan
        ended the day before."""
        ticket = self._receive(
            "Mario Rossi <mario@rossi.example>",
            datetime(2026, 1, 15, 23, 30),
            "<winter@rossi.example>",
        )
        self.assertEqual(ticket.partner_id, self.contact)
        self.assertFalse(ticket.support_plan_id)

    def test_email_at_half_past_midnight_in_rome_in_summer(self):
        """22:30 UTC on 15 July is 00:30 on the 16th in Rome (summer time)."""
        ticket = self._receive(
            "Paolo Neri <paolo@neri.example>",
            datetime(2026, 7, 15, 22, 30),
            "<summer@neri.example>",
        )
        self.assertFalse(ticket.support_plan_id)

    def test_email_on_the_last_evening_in_rome_gets_the_plan(self):
        """22:30 UTC on 15 January is 23:30 in Rome: still the last day."""
        ticket = self._receive(
            "Mario Rossi <mario@rossi.example>",
            datetime(2026, 1, 15, 22, 30),
            "<evening@rossi.example>",
        )
        self.assertEqual(ticket.support_plan_id, self.plan_premium)
