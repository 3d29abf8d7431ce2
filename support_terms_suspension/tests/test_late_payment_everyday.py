from datetime import timedelta

from freezegun import freeze_time

from odoo.tests import tagged

from .common import DUE, LatePaymentCase


def day(days):
    return DUE + timedelta(days=days)


@tagged("post_install", "-at_install")
class TestLatePaymentEveryday(LatePaymentCase):
    """The terms: "I pagamenti delle fatture devono essere eseguiti, in unica
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


@tagged("post_install", "-at_install")
class TestPaymentUndone(LatePaymentCase):
    """The terms: "La riattivazione dei Servizi avverrà solo dopo l'avvenuto
    pagamento". A payment recorded and then undone (a bounced transfer, a
    payment matched with the wrong invoice) is no payment: the services the
    invoice suspended are suspended again, once, and the fee is judged on the
    real payment."""

    def _bounce(self, payment):
        payment.action_draft()
        payment.action_cancel()
        self.env.cr.flush()

    def test_payment_undone_after_the_lift_suspends_again_on_the_next_run(self):
        invoice = self._invoice()
        with freeze_time(day(1)):
            self.run_cron()
        suspension = self.suspensions()
        with freeze_time(day(2)):
            payment = self._pay(invoice, DUE)
            self.run_cron()
        self.assertEqual(suspension.state, "lifted")
        self.assertFalse(self.fees(), "dated on the due date")
        with freeze_time(day(3)):
            self._bounce(payment)
            self.assertEqual(invoice.payment_state, "not_paid")
            self.run_cron()
            self.assertEqual(self.run_cron(), 0)
        self.assertEqual(self.suspensions(), suspension, "the same suspension")
        self.assertEqual(suspension.state, "active")
        self.assertEqual(self.line.service_state, "suspended")
        with freeze_time(day(6)):
            self._pay(invoice, day(6))
            self.run_cron()
            self.assertEqual(self.run_cron(), 0)
        self.assertEqual(suspension.state, "lifted")
        self.assertEqual(self.line.service_state, "active")
        self.assertEqual(len(self.fees()), 1, "paid late for real")
        with freeze_time(day(6)):
            self.customer.invalidate_recordset(["late_payment_count"])
            self.assertEqual(self.customer.late_payment_count, 1)

    def test_late_payment_undone_before_the_fee_is_invoiced_invoices_no_fee_yet(self):
        invoice = self._invoice()
        with freeze_time(day(1)):
            self.run_cron()
        suspension = self.suspensions()
        with freeze_time(day(2)):
            payment = self._pay(invoice, day(2))
            self.assertEqual(suspension.fee_state, "to_invoice")
            self._bounce(payment)
            self.run_cron()
            self.assertEqual(self.run_cron(), 0)
        self.assertFalse(self.fees(), "nothing was paid")
        self.assertEqual(suspension.state, "active")
        self.assertEqual(self.line.service_state, "suspended")
        with freeze_time(day(5)):
            self._pay(invoice, day(5))
            self.run_cron()
            self.assertEqual(self.run_cron(), 0)
        self.assertEqual(suspension.state, "lifted")
        self.assertEqual(len(self.fees()), 1)

    def test_suspension_lifted_by_a_manager_is_not_suspended_again(self):
        """A manager gives the customer time: the unpaid invoice does not
        suspend the services again by itself."""
        self._invoice()
        with freeze_time(day(1)):
            self.run_cron()
        suspension = self.suspensions()
        with freeze_time(day(2)):
            suspension.with_user(self.manager).action_lift()
        for on_date in (day(3), day(10)):
            with freeze_time(on_date):
                self.run_cron()
                self.assertEqual(self.run_cron(), 0)
        self.assertEqual(suspension.state, "lifted")
        self.assertEqual(self.line.service_state, "active")
        # what the staff read on the suspension: lifted by a manager, no fee
        self.assertEqual(suspension.lift_reason, "manager")
        self.assertEqual(suspension.fee_state, "waived")
        self.assertFalse(self.fees())
