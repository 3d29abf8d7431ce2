import json
from datetime import timedelta

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.support_terms_suspension import (
    reactivation_mail_names_what_settled,
)

from .common import DUE, LatePaymentCase


def day(days):
    return DUE + timedelta(days=days)


@tagged("post_install", "-at_install")
class TestSuspensionReleasedAndExplained(LatePaymentCase):
    """The terms: "In caso di tardivo, omesso, incompleto pagamento ...
    sospendere e/o interrompere i Servizi"; "La riattivazione dei Servizi
    avverrà solo dopo l' avvenuto pagamento". An invoice that is no longer
    owed (cancelled) cannot keep services suspended, and the customer is
    told what settled its invoices."""

    def run_twice(self, on_date):
        with freeze_time(on_date):
            self.run_cron()
            self.assertEqual(self.run_cron(), 0)

    def _suspended_for(self, invoice):
        with freeze_time(day(1)):
            self.run_cron()
        suspension = self.suspensions()
        self.assertEqual(suspension.invoice_ids, invoice)
        self.assertEqual(self.line.service_state, "suspended")
        return suspension

    def _reactivated_mail(self, suspension):
        mail = self.mails(suspension, "active again")
        self.assertEqual(len(mail), 1)
        return mail

    def test_invoice_reset_to_draft_and_cancelled_lifts_the_suspension(self):
        invoice = self._invoice()
        suspension = self._suspended_for(invoice)
        with freeze_time(day(4)):
            invoice.with_user(self.accountant).button_draft()
            invoice.with_user(self.accountant).button_cancel()
        self.assertEqual(invoice.state, "cancel")
        self.run_twice(day(5))
        self.assertEqual(suspension.state, "lifted")
        self.assertEqual(suspension.lift_reason, "cancelled")
        self.assertEqual(suspension.fee_state, "none")
        self.assertFalse(suspension.invoice_ids)
        self.assertEqual(self.line.service_state, "active")
        self.assertFalse(self.fees())
        mail = self._reactivated_mail(suspension)
        self.assertIn("were cancelled", mail.body_html)
        self.assertNotIn("thank you for your payment", mail.body_html)
        self.assertIn(
            "no longer waits for them",
            "\n".join(suspension.message_ids.mapped("body")),
        )
        # the same invoice never suspends again while it is cancelled
        self.run_twice(day(40))
        self.assertEqual(self.suspensions(), suspension)

    def test_invoice_back_to_draft_then_posted_again_unpaid_suspends_again(self):
        invoice = self._invoice()
        suspension = self._suspended_for(invoice)
        with freeze_time(day(4)):
            invoice.with_user(self.accountant).button_draft()
        self.assertEqual(suspension.state, "lifted")
        self.assertEqual(suspension.lift_reason, "cancelled")
        self.assertEqual(self.line.service_state, "active")
        with freeze_time(day(5)):
            invoice.with_user(self.accountant).action_post()
        self.run_twice(day(6))
        self.assertEqual(self.line.service_state, "suspended")
        self.assertEqual(invoice.support_suspension_id.state, "active")

    def test_one_of_two_invoices_cancelled_the_other_paid_late_lifts_with_fee(self):
        first = self._invoice()
        second = self._invoice(amount=50.0)
        with freeze_time(day(1)):
            self.run_cron()
        suspension = self.suspensions()
        self.assertEqual(suspension.invoice_ids, first | second)
        with freeze_time(day(3)):
            second.with_user(self.accountant).button_draft()
            second.with_user(self.accountant).button_cancel()
        self.assertEqual(suspension.state, "active")
        self.assertEqual(self.line.service_state, "suspended")
        with freeze_time(day(4)):
            self._pay(first, day(4))
        self.run_twice(day(4))
        self.assertEqual(suspension.state, "lifted")
        self.assertEqual(suspension.lift_reason, "paid")
        self.assertEqual(len(self.fees()), 1)
        mail = self._reactivated_mail(suspension)
        self.assertIn("thank you for your payment", mail.body_html)

    def test_invoice_cancelled_after_the_lift_never_holds_the_suspension(self):
        """Both invoices paid, the suspension lifted; one of them is then
        reset to draft and cancelled, and the payment of the other is undone:
        the services are suspended again for the invoice still owed only, and
        "la riattivazione avverrà dopo l'avvenuto pagamento" of that one."""
        first = self._invoice()
        second = self._invoice(amount=50.0)
        with freeze_time(day(1)):
            self.run_cron()
        suspension = self.suspensions()
        with freeze_time(day(2)):
            self._pay(first, day(2))
            payment = self._pay(second, day(2))
        self.run_twice(day(2))
        self.assertEqual(suspension.state, "lifted")
        with freeze_time(day(3)):
            first.with_user(self.accountant).button_draft()
            first.with_user(self.accountant).button_cancel()
            payment.action_draft()
        self.run_twice(day(4))
        self.assertEqual(suspension.state, "active")
        self.assertEqual(suspension.invoice_ids, second)
        self.assertEqual(self.line.service_state, "suspended")
        with freeze_time(day(5)):
            self._pay(second, day(5))
        self.run_twice(day(5))
        self.assertEqual(suspension.state, "lifted")
        self.assertEqual(self.line.service_state, "active")

    def test_credit_note_reactivation_email_names_the_credit_note(self):
        invoice = self._invoice()
        suspension = self._suspended_for(invoice)
        with freeze_time(day(10)):
            self._credit_note(invoice, "Contestazione accolta")
        self.run_twice(day(10))
        self.assertEqual(suspension.state, "lifted")
        self.assertEqual(suspension.lift_reason, "credited")
        mail = self._reactivated_mail(suspension)
        self.assertIn("settled by a credit note", mail.body_html)
        self.assertNotIn("thank you for your payment", mail.body_html)

    def test_payment_reactivation_email_thanks_for_the_payment(self):
        invoice = self._invoice()
        suspension = self._suspended_for(invoice)
        with freeze_time(day(2)):
            # dated on the due date: no fee
            self._pay(invoice, DUE)
        self.run_twice(day(2))
        self.assertEqual(suspension.lift_reason, "paid")
        mail = self._reactivated_mail(suspension)
        self.assertIn("thank you for your payment", mail.body_html)

    def test_upgrade_rewrites_the_reactivation_email_that_thanked_for_a_payment(
        self,
    ):
        """A database of the earlier version keeps its noupdate email: the
        upgrade replaces the paragraph that thanked for a payment, in each
        language, and keeps what a user wrote around it."""
        template = self.env.ref(
            "support_terms_suspension.mail_template_services_reactivated"
        )
        old = {
            "en_US": "<div><p>Hello,</p><p>\n thank you for your payment: the "
            'services <t t-out="object.mail_services"/> are active again.\n'
            "</p><p>Our own words.</p></div>",
            "it_IT": "<div><p>\n grazie per il pagamento: i servizi "
            '<t t-out="object.mail_services"/> sono di nuovo attivi.\n</p></div>',
        }
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE mail_template SET body_html = %s WHERE id = %s",
            [json.dumps(old), template.id],
        )
        self.env.invalidate_all()
        reactivation_mail_names_what_settled(self.env)
        self.env.cr.execute(
            "SELECT body_html FROM mail_template WHERE id = %s", [template.id]
        )
        bodies = self.env.cr.fetchone()[0]
        for lang in ("en_US", "it_IT"):
            self.assertIn('<p t-out="object.mail_lifted_text"/>', bodies[lang])
            self.assertNotIn("payment", bodies[lang])
            self.assertNotIn("pagamento", bodies[lang])
        self.assertIn("Our own words.", bodies["en_US"])
