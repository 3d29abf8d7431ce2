import smtplib
from datetime import date
from unittest.mock import patch

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import ItalianLawCase


@tagged("post_install", "-at_install")
class TestConsumerRenewalNotice(ItalianLawCase):
    """Codice del consumo art. 65-bis: "il professionista è tenuto a
    comunicare per iscritto al consumatore, almeno trenta giorni prima della
    scadenza, la data entro la quale il consumatore può disdire il contratto
    [...]. In mancanza della comunicazione, il consumatore può recedere dal
    contratto in qualsiasi momento, fino alla successiva scadenza, senza
    alcun onere ulteriore, pagando il solo corrispettivo del periodo
    fruito."

    A hosting bought on 15 March 2025 ends on 14 March 2026; its last day to
    cancel is 13 January 2026 (60 days' notice): the notice is due by 12
    January, and is sent 30 days (the company's reminder days) before.
    """

    def _consumer_hosting(self, partner=None):
        with freeze_time("2025-03-15 10:00"):
            line = self._service(
                self.hosting, self.d(2025, 3, 15), partner or self.consumer
            )
            self._invoice(line)
        return line

    def _reminders(self, line, kind):
        return line.renewal_reminder_ids.filtered(lambda r: r.kind == kind)

    def test_notice_sent_on_time_gives_no_free_withdrawal(self):
        line = self._consumer_hosting()
        self.assertEqual(line.notice_deadline, self.d(2026, 1, 13))
        with freeze_time("2025-12-12 10:00"):
            self.run_renewal()
        self.assertFalse(line.renewal_reminder_ids, "not due yet")
        with freeze_time("2025-12-13 10:00"):
            self.run_renewal()
            self.run_renewal()
        notice = self._reminders(line, "consumer_notice")
        self.assertEqual(len(notice), 1, "sent once")
        self.assertEqual(notice.state, "sent")
        self.assertFalse(self._reminders(line, "notice"), "one email, not two")
        # the evidence: when, to whom, what
        self.assertEqual(notice.sent_at.date(), date(2025, 12, 13))
        self.assertIn("giulia.verdi@example.com", notice.sent_to)
        self.assertIn("01/13/2026", notice.sent_body, "the last day to cancel")
        self.assertIn("Registered mail", notice.sent_body, "the channels")
        self.assertIn("65-bis", notice.sent_body)
        self.assertIn("01/13/2026", notice.mail_id.subject)
        with freeze_time("2026-01-14 10:00"):
            self.run_renewal()
        self.assertEqual(line.date_end, self.d(2027, 3, 14), "renewed")
        self.assertFalse(line.free_withdrawal_until)
        # a late notice follows the terms: renewed once, no refund
        with freeze_time("2026-02-01 10:00"):
            cancel = self._consumer_notice(
                line, self.d(2026, 2, 1), channel="registered_mail"
            )
            cancel.action_confirm()
        self.assertEqual(cancel.result_ids.outcome, "late")
        self.assertFalse(cancel.refund_move_ids)

    def test_notice_not_delivered_gives_free_withdrawal_with_pro_rata_refund(self):
        self.consumer.email = False
        line = self._consumer_hosting()
        with freeze_time("2025-12-13 10:00"):
            self.run_renewal()
            self.run_renewal()
        notice = self._reminders(line, "consumer_notice")
        self.assertEqual(notice.state, "failed")
        self.assertIn("no valid email address", notice.failure_reason)
        self.assertEqual(line.free_withdrawal_until, self.d(2027, 3, 14))
        self.assertTrue(
            line.contract_id.activity_ids.filtered(
                lambda a: "not delivered" in a.summary
            ),
            "staff are told",
        )
        with freeze_time("2026-01-14 10:00"):
            self.run_renewal()
        self.assertEqual(line.date_end, self.d(2027, 3, 14), "the service renews")
        with freeze_time("2026-03-15 10:00"):
            renewal_invoice = self._invoice(line)
        self.assertEqual(renewal_invoice.amount_untaxed, 100.0)
        # an email is not a channel of the terms: the law accepts it
        with freeze_time("2026-06-01 10:00"):
            cancel = self._consumer_notice(line, self.d(2026, 6, 1), channel="email")
            self.assertTrue(cancel.channel_accepted)
            self.assertIn("65-bis", cancel.legal_basis)
            cancel.action_confirm()
        result = cancel.result_ids
        self.assertEqual(result.outcome, "free_withdrawal")
        self.assertEqual(result.end_date, self.d(2026, 6, 1), "the notice's day")
        self.assertIn("65-bis", result.explanation)
        self.assertTrue(cancel.on_time)
        self.assertEqual(line.date_end, self.d(2026, 6, 1))
        self.assertFalse(line.is_auto_renew)
        # the days paid after 1 June 2026 up to 14 March 2027, of 365
        refund = cancel.refund_move_ids
        self.assertEqual(refund.move_type, "out_refund")
        self.assertEqual(refund.state, "posted")
        self.assertEqual(refund.reversed_entry_id, renewal_invoice)
        unused = (date(2027, 3, 14) - date(2026, 6, 1)).days
        self.assertAlmostEqual(refund.amount_untaxed, round(100.0 * unused / 365, 2))
        # no renewal charge and no other period
        with freeze_time("2027-01-14 10:00"):
            self.run_renewal()
        with freeze_time("2027-03-15 10:00"):
            line.contract_id.recurring_create_invoice()
        self.assertEqual(line.date_end, self.d(2026, 6, 1))
        invoices = self.env["account.move.line"].search(
            [
                ("contract_line_id", "=", line.id),
                ("move_id.move_type", "=", "out_invoice"),
            ]
        )
        self.assertEqual(len(invoices.move_id), 2, "no invoice after the withdrawal")

    def test_notice_due_when_it_was_too_late_gives_free_withdrawal(self):
        """The notice could not be sent 30 days before the expiry and before
        the last day to cancel (the action ran too late)."""
        line = self._consumer_hosting()
        with freeze_time("2026-01-13 10:00"):
            self.run_renewal()
            self.run_renewal()
        notice = self._reminders(line, "consumer_notice")
        self.assertEqual(notice.state, "skipped")
        self.assertFalse(notice.mail_id, "no email once too late")
        self.assertEqual(line.free_withdrawal_until, self.d(2027, 3, 14))

    def test_service_sold_too_late_for_the_notice_gives_free_withdrawal(self):
        """A showcase renewed every 31 December, sold on 1 November 2026, its
        last day to cancel: no notice could be sent before that day."""
        with freeze_time("2026-11-01 10:00"):
            line = self._service(self.showcase, self.d(2026, 11, 1), self.consumer)
            self.assertEqual(line.date_end, self.d(2026, 12, 31))
            self.assertEqual(line.notice_deadline, self.d(2026, 11, 1))
            self.run_renewal()
            self.run_renewal()
        notice = self._reminders(line, "consumer_notice")
        self.assertEqual(notice.state, "skipped")
        self.assertEqual(line.free_withdrawal_until, self.d(2027, 12, 31))

    def test_email_failed_in_the_queue_gives_free_withdrawal(self):
        line = self._consumer_hosting()
        with freeze_time("2025-12-13 10:00"):
            self.run_renewal()
        notice = self._reminders(line, "consumer_notice")
        self.assertEqual(notice.state, "sent")
        server = type(self.env["ir.mail_server"])
        with (
            patch.object(
                server,
                "connect",
                side_effect=smtplib.SMTPConnectError(421, b"Mailbox unavailable"),
            ),
            mute_logger("odoo.addons.mail.models.mail_mail"),
            freeze_time("2025-12-13 10:05"),
        ):
            notice.mail_id.send()
        self.assertEqual(notice.state, "failed")
        self.assertIn("Mailbox unavailable", notice.failure_reason)
        self.assertEqual(line.free_withdrawal_until, self.d(2027, 3, 14))

    def test_business_customer_unaffected(self):
        """The law protects consumers: a company gets the terms' reminder,
        and a late cancellation follows the terms."""
        line = self._consumer_hosting(self.other_customer)
        with freeze_time("2025-12-13 10:00"):
            self.run_renewal()
        self.assertFalse(line.renewal_reminder_ids)
        with freeze_time("2025-12-14 10:00"):
            self.run_renewal()
        self.assertEqual(line.renewal_reminder_ids.kind, "notice")
        with freeze_time("2026-01-14 10:00"):
            self.run_renewal()
        self.assertFalse(line.free_withdrawal_until)
        with freeze_time("2026-06-01 10:00"):
            cancel = self._consumer_notice(
                line, self.d(2026, 6, 1), channel="registered_mail"
            )
            cancel.action_confirm()
        self.assertEqual(cancel.result_ids.outcome, "on_time")
        self.assertEqual(line.date_end, self.d(2027, 3, 14), "it runs its year")
        self.assertFalse(cancel.refund_move_ids)

    def test_company_without_the_law_sends_the_terms_reminder(self):
        self.company.support_it_law = False
        line = self._consumer_hosting()
        with freeze_time("2025-12-14 10:00"):
            self.run_renewal()
        self.assertEqual(line.renewal_reminder_ids.kind, "notice")

    def test_nobody_writes_a_free_withdrawal(self):
        """The free withdrawal is the law's consequence of a notice not
        delivered: an accountant, who may write contract lines, cannot grant
        it by hand."""
        accountant = new_test_user(
            self.env,
            login="it_law_accountant",
            groups="account.group_account_manager",
        )
        with freeze_time("2026-03-15 10:00"):
            line = self._service(self.hosting, self.d(2026, 3, 15), self.consumer)
        with self.assertRaises(AccessError):
            line.with_user(accountant).write({"free_withdrawal_until": "2027-03-14"})
        self.assertFalse(line.free_withdrawal_until)
