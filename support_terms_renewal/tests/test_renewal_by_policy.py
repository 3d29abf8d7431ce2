from freezegun import freeze_time
from lxml import etree

from odoo.tests import Form, TransactionCase, new_test_user, tagged

from .common import RenewalCase


@tagged("post_install", "-at_install")
class TestRenewalByPolicy(RenewalCase):
    """A line of a product with a renewal policy renews tacitly, however it
    was created, from the end of the policy's first period."""

    def _sold_in_the_form(self, product, day):
        contract = self.env["contract.contract"].create(
            {"name": f"Rossi - {product.name}", "partner_id": self.customer.id}
        )
        with Form(contract) as form, form.contract_line_ids.new() as line_form:
            line_form.product_id = product
            line_form.date_start = day
        return contract.contract_line_ids

    def _renew_on(self, day):
        with freeze_time(day):
            self.run_renewal()
            self.run_renewal()

    def test_showcase_sold_in_the_contract_form_renews_every_31_december(self):
        """The terms: "Il rinnovo delle vetrine aziendali e dei banner
        pubblicitari è automatico e avviene tacitamente di anno in anno al
        31.12". Sold on 10 December, past its last day to cancel: its first
        period runs to the next 31 December, then it renews by itself."""
        line = self._sold_in_the_form(self.showcase, self.d(2026, 12, 10))
        self.assertTrue(line.is_auto_renew)
        self.assertEqual(line.date_end, self.d(2027, 12, 31))
        self.assertEqual(line.notice_deadline, self.d(2027, 11, 1))
        self._renew_on("2027-11-01")
        self.assertEqual(line.date_end, self.d(2027, 12, 31), "not before its day")
        self._renew_on("2027-11-02")
        self.assertEqual(line.date_end, self.d(2028, 12, 31))
        self._renew_on("2028-11-02")
        self.assertEqual(line.date_end, self.d(2029, 12, 31))

    def test_hosting_sold_in_the_contract_form_renews_on_its_anniversary(self):
        """The terms: hosting "saranno rinnovati tacitamente, in automatico,
        di anno in anno a scadenza solare dalla data di
        registrazione/trasferimento"."""
        line = self._sold_in_the_form(self.hosting, self.d(2026, 3, 15))
        self.assertTrue(line.is_auto_renew)
        self.assertEqual(line.date_end, self.d(2027, 3, 14))
        self._renew_on("2027-01-14")
        self.assertEqual(line.date_end, self.d(2028, 3, 14))

    def test_staff_may_untick_the_renewal_in_the_form(self):
        contract = self.env["contract.contract"].create(
            {"name": "Rossi - hosting", "partner_id": self.customer.id}
        )
        with Form(contract) as form, form.contract_line_ids.new() as line_form:
            line_form.product_id = self.hosting
            line_form.date_start = self.d(2026, 3, 15)
            line_form.is_auto_renew = False
        line = contract.contract_line_ids
        self.assertFalse(line.is_auto_renew)
        self.assertEqual(line.date_end, self.d(2027, 3, 14))
        self._renew_on("2027-01-14")
        self.assertEqual(line.date_end, self.d(2027, 3, 14))

    def test_line_created_over_rpc_renews(self):
        """An import or an integration creates the line with its product and
        start only: the policy gives the renewal and the first end."""
        manager = new_test_user(
            self.env,
            login="contracts_rpc",
            groups="account.group_account_manager,base.group_user",
        )
        contract = (
            self.env["contract.contract"]
            .with_user(manager)
            .create(
                {
                    "name": "Vetrina Rossi",
                    "partner_id": self.customer.id,
                    "contract_line_ids": [
                        (
                            0,
                            0,
                            {
                                "product_id": self.showcase.id,
                                "name": "Vetrina",
                                "date_start": "2026-12-10",
                                "recurring_rule_type": "yearly",
                            },
                        )
                    ],
                }
            )
        )
        line = contract.contract_line_ids
        self.assertTrue(line.is_auto_renew)
        self.assertEqual(line.date_end, self.d(2027, 12, 31))
        self._renew_on("2027-11-02")
        self.assertEqual(line.date_end, self.d(2028, 12, 31))

    def test_product_without_policy_keeps_oca_default(self):
        product = self._create_product("Consulenza", self.company)
        _contract, line = self._create_contract(
            self.customer, product, self.d(2026, 3, 15), self.d(2026, 12, 31)
        )
        self.assertFalse(line.is_auto_renew)


@tagged("post_install", "-at_install")
class TestReminderDays(RenewalCase):
    def test_reminder_days_zero_sends_no_reminder(self):
        """A company that turns the reminders off with 0 days gets none,
        however often the action runs."""
        self.company.support_renewal_reminder_days = 0
        line = self._service(self.hosting, self.d(2025, 3, 15))
        self.assertEqual(line.renewal_reminder_days, 0)
        self.assertFalse(line.renewal_reminder_date)
        for day in ("2025-12-14", "2026-01-13", "2026-03-14"):
            with freeze_time(day):
                self.run_renewal()
                self.run_renewal()
        self.assertFalse(line.renewal_reminder_ids)
        self.assertFalse(
            self.env["mail.mail"].search(
                [
                    ("model", "=", "support.renewal.reminder"),
                    ("recipient_ids", "in", self.customer.ids),
                ]
            )
        )
        self.assertEqual(line.date_end, self.d(2027, 3, 14), "it renews all the same")


@tagged("post_install", "-at_install")
class TestOneLastDayToCancelShown(TransactionCase):
    """A service with a renewal policy shows its last day to cancel once:
    OCA's field of the same day is hidden where the policy rules."""

    def test_the_form_shows_the_policys_day_only(self):
        view = self.env["contract.line"].get_view(
            self.env.ref("contract.contract_line_form_view").id, "form"
        )
        arch = etree.fromstring(view["arch"])
        [oca] = arch.xpath("//field[@name='termination_notice_date']")
        self.assertIn("renewal_policy", oca.get("invisible"))
        self.assertTrue(arch.xpath("//field[@name='notice_deadline']"))
