from datetime import timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.support_terms_suspension.rules.late_payment import (
    all_settled,
    is_overdue,
)

from .common import DUE, LatePaymentCase


def day(days):
    return DUE + timedelta(days=days)


SETTLED = ("paid", "in_payment", "reversed")


@tagged("post_install", "-at_install")
class TestSettledByPaymentDate(LatePaymentCase):
    """The terms: "I pagamenti delle fatture devono essere eseguiti ... entro il
    giorno di scadenza riportato sulla fattura"; "La riattivazione dei Servizi
    avverrà solo dopo l'avvenuto pagamento e comporterà un addebito pari a euro
    20.00 + iva".

    A payment is on time by the date the customer paid, not by the day the
    provider records it.
    """

    def run_twice(self, on_date):
        with freeze_time(on_date):
            self.run_cron()
            self.assertEqual(self.run_cron(), 0)

    def late_count(self, partner=None):
        partner = partner or self.customer
        partner.invalidate_recordset(["late_payment_count"])
        return partner.late_payment_count

    def test_payment_dated_on_due_date_recorded_two_days_later_lifts_without_fee_nor_late_payment(  # noqa: E501
        self,
    ):
        """The transfer left on the due date; the bank statement is recorded
        two days later, after the daily action suspended the customer."""
        invoice = self._invoice()
        # the other customer's transfer, same date, is recorded before the run
        other_invoice = self._invoice(partner=self.other_customer)
        with freeze_time(day(1)):
            self._pay(other_invoice, DUE)
            self.run_cron()
        suspension = self.suspensions()
        self.assertEqual(suspension.state, "active")
        self.assertFalse(self.suspensions(self.other_customer))
        with freeze_time(day(2)):
            self._pay(invoice, DUE)
        self.run_twice(day(2))
        self.run_twice(day(3))
        self.assertEqual(suspension.state, "lifted")
        self.assertEqual(self.line.service_state, "active")
        self.assertFalse(self.fees())
        self.assertFalse(suspension.fee_invoice_id)
        with freeze_time(day(3)):
            self.assertEqual(self.late_count(), 0)
            self.assertEqual(self.late_count(self.other_customer), 0)
        mail = self.mails(suspension, "active again")
        self.assertEqual(len(mail), 1)
        self.assertNotIn("20.00", mail.body_html)
        self.assertNotIn("fee", mail.body_html)

    def test_payment_dated_within_grace_recorded_after_the_suspension_no_fee(self):
        """Grace 3 days: paid on the third day, recorded on the fifth, while the
        other customer paid on the fourth day: only that one pays the fee and
        counts as a late payer."""
        self.company.support_overdue_grace_days = 3
        invoice = self._invoice()
        other_invoice = self._invoice(partner=self.other_customer)
        with freeze_time(day(4)):
            self.run_cron()
        self.assertEqual(self.line.service_state, "suspended")
        self.assertEqual(self.other_line.service_state, "suspended")
        with freeze_time(day(5)):
            self._pay(invoice, day(3))
            self._pay(other_invoice, day(4))
        self.run_twice(day(5))
        self.assertEqual(self.line.service_state, "active")
        self.assertEqual(self.other_line.service_state, "active")
        self.assertFalse(self.fees())
        fee = self.fees(self.other_customer)
        self.assertEqual(len(fee), 1)
        self.assertAlmostEqual(fee.amount_total, 24.40)
        with freeze_time(day(5)):
            self.assertEqual(self.late_count(), 0)
            self.assertEqual(self.late_count(self.other_customer), 1)

    def test_credit_note_settling_the_overdue_invoice_lifts_without_fee(self):
        """A dispute won by the customer: the invoice is credited in full
        through the reversal wizard."""
        invoice = self._invoice()
        with freeze_time(day(1)):
            self.run_cron()
        suspension = self.suspensions()
        with freeze_time(day(10)):
            # posted, the credit note settles the invoice it reverses
            self._credit_note(invoice, "Contestazione accolta")
            self.assertEqual(invoice.payment_state, "reversed")
            # lifted by the credit note itself, not only by the next run
            self.assertEqual(suspension.state, "lifted")
        self.run_twice(day(10))
        self.assertEqual(suspension.state, "lifted")
        self.assertEqual(self.line.service_state, "active")
        self.assertFalse(self.fees())
        with freeze_time(day(10)):
            self.assertEqual(self.late_count(), 0)

    def test_invoice_reversed_and_replaced_lifts_without_fee(self):
        """The reversal wizard's "reverse and create invoice": the overdue
        invoice is cancelled by its credit note, a corrected draft replaces it."""
        invoice = self._invoice()
        with freeze_time(day(1)):
            self.run_cron()
        suspension = self.suspensions()
        with freeze_time(day(6)):
            reversal = (
                self.env["account.move.reversal"]
                .with_context(active_model="account.move", active_ids=invoice.ids)
                .create(
                    {"reason": "Importo errato", "journal_id": invoice.journal_id.id}
                )
            )
            reversal.modify_moves()
            self.assertEqual(invoice.payment_state, "reversed")
        self.run_twice(day(6))
        self.assertEqual(suspension.state, "lifted")
        self.assertEqual(self.line.service_state, "active")
        self.assertFalse(self.fees())

    def _credit(self, invoice, amount):
        reversal = (
            self.env["account.move.reversal"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"reason": "Parte contestata", "journal_id": invoice.journal_id.id})
        )
        reversal.refund_moves()
        credit_note = reversal.new_move_ids
        credit_note.invoice_line_ids.price_unit = amount
        credit_note.action_post()
        return credit_note

    def test_undisputed_part_paid_on_due_date_disputed_part_credited_later_no_fee(
        self,
    ):
        """The customer pays the undisputed 70 on the due date and disputes
        30; the provider credits the 30 after the suspension. The other
        customer pays its 70 a day late: it pays the fee."""
        invoice = self._invoice()
        other_invoice = self._invoice(partner=self.other_customer)
        with freeze_time(day(1)):
            self.run_cron()
        suspension = self.suspensions()
        other_suspension = self.suspensions(self.other_customer)
        with freeze_time(day(3)):
            self._credit(invoice, 30.0)
            self._credit(other_invoice, 30.0)
            self.assertEqual(invoice.payment_state, "partial")
        self.run_twice(day(3))
        # partly credited is not settled
        self.assertEqual(suspension.state, "active")
        self.assertEqual(self.line.service_state, "suspended")
        with freeze_time(day(4)):
            self._pay(invoice, DUE)
            self._pay(other_invoice, day(1))
        self.run_twice(day(4))
        self.run_twice(day(5))
        self.assertEqual(suspension.state, "lifted")
        self.assertEqual(other_suspension.state, "lifted")
        self.assertFalse(self.fees())
        self.assertEqual(len(self.fees(self.other_customer)), 1)
        with freeze_time(day(5)):
            self.assertEqual(self.late_count(), 0)
            self.assertEqual(self.late_count(self.other_customer), 1)


@tagged("post_install", "-at_install")
class TestReactivationFeeInvoice(LatePaymentCase):
    """The fee is an invoice like the others for its due date, but it never
    suspends the services nor charges a fee of its own."""

    def _suspend_and_pay_late(self, paid_on=None):
        invoice = self._invoice()
        with freeze_time(day(1)):
            self.run_cron()
        paid_on = paid_on or day(5)
        with freeze_time(paid_on):
            self._pay(invoice, paid_on)
            self.run_cron()
            self.run_cron()
        return self.suspensions()

    def test_fee_invoice_due_on_the_customer_payment_terms(self):
        term = self.env.ref("account.account_payment_term_30days")
        self.customer.property_payment_term_id = term
        suspension = self._suspend_and_pay_late()
        fee = self.fees()
        self.assertEqual(len(fee), 1)
        self.assertEqual(suspension.fee_invoice_id, fee)
        self.assertEqual(fee.invoice_payment_term_id, term)
        self.assertEqual(fee.invoice_date, day(5))
        self.assertEqual(fee.invoice_date_due, day(35))
        # unpaid well after its due date: the fee alone suspends nothing
        for on_date in (day(36), day(60)):
            with freeze_time(on_date):
                self.run_cron()
                self.assertEqual(self.run_cron(), 0)
        self.assertEqual(len(self.suspensions()), 1)
        self.assertEqual(self.line.service_state, "active")

    def test_fee_invoice_without_customer_terms_gets_the_company_default(self):
        term = self.env.ref("account.account_payment_term_15days")
        self.env["ir.default"].set(
            "res.partner",
            "property_payment_term_id",
            term.id,
            company_id=self.company.id,
        )
        self._suspend_and_pay_late()
        fee = self.fees()
        self.assertEqual(fee.invoice_payment_term_id, term)
        self.assertEqual(fee.invoice_date_due, day(20))
        with freeze_time(day(21)):
            self.run_cron()
            self.assertEqual(self.run_cron(), 0)
        self.assertEqual(len(self.suspensions()), 1)
        self.assertEqual(self.line.service_state, "active")

    def test_fee_due_at_once_paid_late_never_suspends_nor_charges_a_second_fee(self):
        """No payment terms anywhere: the fee is due the day it is issued; the
        next days' runs do not suspend for it, and paying it late costs no
        other fee."""
        suspension = self._suspend_and_pay_late()
        fee = self.fees()
        self.assertEqual(len(fee), 1)
        self.assertEqual(fee.invoice_date_due, day(5))
        for on_date in (day(6), day(7), day(30)):
            with freeze_time(on_date):
                self.run_cron()
                self.assertEqual(self.run_cron(), 0)
        self.assertEqual(self.suspensions(), suspension)
        self.assertEqual(self.line.service_state, "active")
        with freeze_time(day(31)):
            self._pay(fee, day(31))
            self.run_cron()
            self.assertEqual(self.run_cron(), 0)
        self.assertEqual(self.fees(), fee)
        self.assertEqual(self.suspensions(), suspension)

    def test_fee_invoice_corrected_by_reverse_and_create_never_suspends(self):
        """The terms: the reactivation "comporterà un addebito pari a euro
        20.00 + iva", once. Staff correct the fee invoice (a wrong address)
        with the reversal wizard's "reverse and create": the new invoice is
        still the fee, so leaving it unpaid past its due date suspends
        nobody and costs no other fee."""
        suspension = self._suspend_and_pay_late()
        fee = self.fees()
        self.assertEqual(fee.state, "posted")
        with freeze_time(day(6)):
            wizard = (
                self.env["account.move.reversal"]
                .with_user(self.accountant)
                .with_context(active_model="account.move", active_ids=fee.ids)
                .create({"reason": "Indirizzo errato", "journal_id": fee.journal_id.id})
            )
            action = wizard.modify_moves()
            replacement = self.env["account.move"].browse(action["res_id"])
            replacement.action_post()
        self.assertEqual(fee.payment_state, "reversed")
        self.assertEqual(replacement.invoice_date_due, day(6))
        invoices = self.env["account.move"].search_count([])
        for on_date in (day(8), day(30)):
            with freeze_time(on_date):
                self.run_cron()
                self.assertEqual(self.run_cron(), 0)
        self.assertEqual(self.suspensions(), suspension)
        self.assertEqual(suspension.state, "lifted")
        self.assertEqual(self.line.service_state, "active")
        self.assertFalse(replacement.support_suspension_id)
        self.assertEqual(self.env["account.move"].search_count([]), invoices)
        # paid late, the corrected fee is no second late payment either
        with freeze_time(day(31)):
            self._pay(replacement, day(31))
        self.assertEqual(self.customer.with_company(self.company).late_payment_count, 1)

    def test_fee_invoice_never_joins_a_later_suspension(self):
        """A later overdue invoice suspends again; the unpaid fee is not one of
        the invoices the new suspension waits for."""
        self._suspend_and_pay_late()
        fee = self.fees()
        later = self._invoice(due=day(40), invoice_date=day(30))
        with freeze_time(day(41)):
            self.run_cron()
        second = self.suspensions() - self.suspensions().filtered(
            lambda s: s.state == "lifted"
        )
        self.assertEqual(second.invoice_ids, later)
        self.assertFalse(fee.support_suspension_id)

    def test_payment_terms_due_before_the_invoice_date_are_refused(self):
        """A term that would make the fee (or any invoice) due before its
        invoice date: a clear error, nothing written."""
        Term = self.env["account.payment.term"]
        count = Term.search_count([])
        with self.assertRaises(ValidationError) as caught:
            Term.create(
                {
                    "name": "5 giorni prima",
                    "line_ids": [
                        Command.create(
                            {"value": "percent", "value_amount": 100, "nb_days": -5}
                        )
                    ],
                }
            )
        self.assertIn("before the invoice date", str(caught.exception))
        self.assertEqual(Term.search_count([]), count)
        term = self.env.ref("account.account_payment_term_30days")
        with self.assertRaises(ValidationError):
            term.line_ids.write({"nb_days": -1})
        self.assertEqual(term.line_ids.nb_days, 30)


@tagged("post_install", "-at_install")
class TestFeeAfterThePayment(LatePaymentCase):
    """The customer's payment is recorded whatever happens to the fee."""

    def test_payment_commits_when_the_fee_cannot_be_created_and_the_fee_comes_on_the_next_run(  # noqa: E501
        self,
    ):
        invoice = self._invoice()
        with freeze_time(day(1)):
            self.run_cron()
        suspension = self.suspensions()
        sales = self.env["account.journal"].search(
            [("type", "=", "sale"), ("company_id", "=", self.company.id)]
        )
        sales.action_archive()
        with freeze_time(day(5)):
            # _pay runs what the commit of the payment runs first (precommit)
            payment = self._pay(invoice, day(5))
        self.assertIn(payment.state, ("in_process", "paid"))
        self.assertIn(invoice.payment_state, SETTLED)
        self.assertEqual(suspension.state, "lifted")
        self.assertEqual(self.line.service_state, "active")
        self.assertFalse(self.fees())
        sales.action_unarchive()
        with freeze_time(day(6)):
            self.run_cron()
            self.assertEqual(self.run_cron(), 0)
        fee = self.fees()
        self.assertEqual(len(fee), 1)
        self.assertEqual(suspension.fee_invoice_id, fee)
        self.assertEqual(fee.state, "posted")
        mail = self.mails(suspension, "active again")
        self.assertEqual(len(mail), 1)
        self.assertIn(fee.name, mail.body_html)
        with freeze_time(day(7)):
            self.assertEqual(self.run_cron(), 0)
        self.assertEqual(self.fees(), fee)


@tagged("post_install", "-at_install")
class TestDomainsAgreeWithRules(LatePaymentCase):
    """The scheduled action searches with domains; they must say what the
    rules of ``rules/late_payment.py`` say."""

    def test_overdue_domain_agrees_with_is_overdue(self):
        self.company.support_overdue_grace_days = 2
        invoices = {
            offset: self._invoice(due=day(offset), invoice_date=day(-10))
            for offset in range(-4, 2)
        }
        Move = self.env["account.move"]
        for today in (day(0), day(1), day(3)):
            with freeze_time(today):
                found = Move.search(Move._support_overdue_domain())
            for offset, invoice in invoices.items():
                with self.subTest(today=today, due=offset):
                    self.assertEqual(
                        invoice in found, is_overdue(invoice.invoice_date_due, today, 2)
                    )
        self.assertIn(invoices[-4], found)
        self.assertNotIn(invoices[1], found)

    def test_reactivation_domain_agrees_with_all_settled(self):
        def pay(invoice, amount=None):
            self._pay(invoice, day(2), amount=amount)

        def credit(invoice):
            reversal = (
                self.env["account.move.reversal"]
                .with_context(active_model="account.move", active_ids=invoice.ids)
                .create(
                    {"reason": "Nota di credito", "journal_id": invoice.journal_id.id}
                )
            )
            reversal.modify_moves()

        cases = {
            "paid": [pay],
            "partial": [lambda inv: pay(inv, 40.0)],
            "credited": [credit],
            "paid and unpaid": [pay, lambda inv: None],
            "paid and credited": [pay, credit],
            "unpaid": [lambda inv: None],
        }
        Suspension = self.env["support.service.suspension"]
        suspensions = Suspension
        with freeze_time(day(2)):
            for name, settle in cases.items():
                partner = self.env["res.partner"].create(
                    {"name": f"Cliente {name}", "is_company": True}
                )
                _contract, line = self._create_contract(
                    partner, self.product_hosting, "2026-01-01"
                )
                invoices = self.env["account.move"]
                for action in settle:
                    invoice = self._invoice(partner=partner)
                    action(invoice)
                    invoices |= invoice
                suspension = Suspension.create(
                    {
                        "partner_id": partner.id,
                        "reason": "overdue",
                        "line_ids": [Command.set(line.ids)],
                    }
                )
                invoices.write({"support_suspension_id": suspension.id})
                suspensions |= suspension
            Move = self.env["account.move"]
            found = Move.search(
                Move._support_reactivation_domain()
            ).support_suspension_id
            expected = suspensions.filtered(
                lambda s: all_settled(s.invoice_ids.mapped("payment_state"))
            )
            self.assertEqual(found, expected)
            self.assertEqual(
                expected.partner_id.mapped("name"),
                ["Cliente paid", "Cliente credited", "Cliente paid and credited"],
            )
            self.run_cron()
        self.assertEqual(suspensions.filtered(lambda s: s.state == "lifted"), expected)
