from datetime import date, timedelta

from freezegun import freeze_time

from odoo.tests import tagged

from .common import DUE, LatePaymentCase


def day(days):
    return DUE + timedelta(days=days)


@tagged("post_install", "-at_install")
class TestLatePayersCountedOnlyOnceTurnedOn(LatePaymentCase):
    """The terms: "Gestione Internet, a suo insindacabile giudizio e senza
    dover fornire spiegazioni ulteriori, potrà comunicare al Cliente che non
    abbia rispettato, una o più volte, i termini dei pagamenti di trasferire
    i Servizi presso altro gestore". The provider's choice: nobody is marked
    do not renew until the company turns it on, and what a customer did
    before that day never counts."""

    def setUp(self):
        super().setUp()
        # the company as the install leaves it: every setting at its default
        defaults = self.env["res.company"].default_get(
            ["support_overdue_suspension", "support_do_not_renew_threshold"]
        )
        self.company.write(
            {
                "support_overdue_suspension": False,
                "support_do_not_renew_threshold": 0,
                **defaults,
            }
        )
        self.line.date_end = date(2026, 12, 31)
        # the lines renew only with contract_line_successor (not installed when
        # this addon runs alone)
        self.renews = "is_auto_renew" in self.line._fields
        if self.renews:
            self.line.write(
                {
                    "is_auto_renew": True,
                    "auto_renew_interval": 1,
                    "auto_renew_rule_type": "yearly",
                }
            )

    def assert_renews(self, renews):
        if self.renews:
            self.assertEqual(self.line.is_auto_renew, renews)

    def late_count(self):
        self.customer.invalidate_recordset(["late_payment_count", "do_not_renew"])
        return self.customer.late_payment_count

    def _pay_late(self, due, days_late):
        invoice = self._invoice(due=due)
        with freeze_time(due + timedelta(days=days_late)):
            self._pay(invoice, due + timedelta(days=days_late))
        return invoice

    def test_a_new_company_counts_nothing_and_marks_nobody(self):
        company = self.env["res.company"].create({"name": "Provider Nuovo Srl"})
        self.assertEqual(company.support_do_not_renew_threshold, 0)
        self.assertFalse(company.support_late_payment_since)

    def test_two_late_payments_before_turning_it_on_mark_nobody(self):
        """Paid late last year and today, with the counting off: not a
        repeat late payer, its renewals go on, no email."""
        self._pay_late(date(2025, 11, 3), 10)
        self._pay_late(day(0), 3)
        self.assertEqual(self.late_count(), 0)
        self.assertFalse(self.customer.do_not_renew)
        self.assert_renews(True)
        self.assertFalse(self.mails(self.customer, "will not be renewed"))

    def test_only_late_payments_after_the_company_turned_it_on_count(self):
        self._pay_late(date(2025, 11, 3), 10)
        self._pay_late(day(0), 3)
        with freeze_time(day(10)):
            settings = self.env["res.config.settings"].create(
                {"support_do_not_renew_threshold": 2}
            )
            settings.execute()
        self.assertEqual(self.company.support_late_payment_since, day(10))
        self.assertEqual(self.late_count(), 0)
        # one late payment after that day: one, below the threshold
        self._pay_late(day(20), 5)
        self.assertEqual(self.late_count(), 1)
        self.assertFalse(self.customer.do_not_renew)
        self.assert_renews(True)
        # a second one: now a repeat late payer, as the company chose
        self._pay_late(day(40), 5)
        self.assertEqual(self.late_count(), 2)
        self.assertTrue(self.customer.do_not_renew)
        self.assert_renews(False)
        self.assertEqual(len(self.mails(self.customer, "will not be renewed")), 1)

    def test_a_threshold_changed_keeps_its_day_turned_off_forgets_it(self):
        with freeze_time(day(10)):
            self.company.support_do_not_renew_threshold = 2
        with freeze_time(day(30)):
            self.company.support_do_not_renew_threshold = 3
        self.assertEqual(self.company.support_late_payment_since, day(10))
        self.company.support_do_not_renew_threshold = 0
        self.assertFalse(self.company.support_late_payment_since)
        with freeze_time(day(50)):
            self.company.support_do_not_renew_threshold = 1
        self.assertEqual(self.company.support_late_payment_since, day(50))
