from datetime import timedelta

from freezegun import freeze_time

from odoo.tests import tagged

from .common_late_payment import DUE, LatePaymentCase


def day(days):
    return DUE + timedelta(days=days)


@tagged("post_install", "-at_install")
class TestLatePaymentEveryday(LatePaymentCase):
    """Seed 000: "I pagamenti delle fatture devono essere eseguiti, in unica
    soluzione, entro il giorno di scadenza"; the reactivation "comporterà un
    addebito pari a euro 20.00 + iva"; the provider may stop the services of
    "Cliente che non abbia rispettato, una o più volte, i termini dei
    pagamenti". The company here stops renewals at 2 late payments."""

    def late_count(self):
        self.customer.invalidate_recordset(["late_payment_count"])
        return self.customer.late_payment_count

    def test_one_late_payment_and_its_fee_paid_days_later_is_one_late_payment(self):
        """Paid two days late: one late payment, one fee. The fee invoice,
        due the day it is issued (no payment terms), is paid three days
        later: that is the same late payment, not a second one, so the
        customer is not a repeat late payer."""
        invoice = self._invoice()
        with freeze_time(day(1)):
            self.run_cron()
        with freeze_time(day(2)):
            self._pay(invoice, day(2))
            self.run_cron()
        fee = self.fees()
        self.assertEqual(len(fee), 1)
        self.assertEqual(fee.invoice_date_due, day(2))
        with freeze_time(day(5)):
            self._pay(fee, day(5))
            self.assertEqual(self.late_count(), 1)
        self.assertFalse(self.customer.do_not_renew)

    def test_partial_payment_on_due_date_rest_two_days_late_is_late_with_fee(self):
        """ "in unica soluzione": 60 paid on the due date, the other 40 two
        days later, after the suspension: paid late, the fee is due."""
        invoice = self._invoice()
        with freeze_time(day(1)):
            self._pay(invoice, DUE, amount=60.0)
            self.run_cron()
        suspension = self.suspensions()
        self.assertEqual(self.line.service_state, "suspended")
        with freeze_time(day(2)):
            self._pay(invoice, day(2), amount=40.0)
            self.run_cron()
            self.assertEqual(self.run_cron(), 0)
        self.assertEqual(suspension.state, "lifted")
        self.assertEqual(len(self.fees()), 1)
        with freeze_time(day(2)):
            self.assertEqual(self.late_count(), 1)
