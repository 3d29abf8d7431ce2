from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import CancellationNoticeCase


@tagged("post_install", "-at_install")
class TestCancellationNotice(CancellationNoticeCase):
    def test_on_time_by_pec_stops_without_renewal(self):
        with freeze_time("2026-01-10"):
            notice = self._notice(self.d(2026, 1, 10))
            self.assertEqual(notice.partner_id, self.customer, "the commercial partner")
            self.assertTrue(notice.on_time)
            self.assertTrue(notice.channel_accepted)
            notice.action_confirm()
        self.assertEqual(notice.state, "confirmed")
        self.assertEqual(notice.result_ids.outcome, "on_time")
        self.assertEqual(notice.result_ids.end_date, self.d(2026, 3, 14))
        self.assertFalse(self.line.is_auto_renew)
        with freeze_time("2026-01-14"):
            self.run_renewal()
        self.assertEqual(self.line.date_end, self.d(2026, 3, 14), "not renewed")
        mail = self._customer_mails(notice)
        self.assertEqual(len(mail), 1)
        self.assertIn("is not renewed", mail.body)
        self.assertIn(self.line.name, mail.body)
        self.assertIn(notice, self.line.cancellation_notice_ids)

    def test_notice_on_the_deadline_is_on_time(self):
        with freeze_time("2026-01-13"):
            notice = self._notice(self.d(2026, 1, 13), channel="registered_mail")
            self.assertTrue(notice.on_time)

    def test_one_day_late_renews_once_then_stops(self):
        with freeze_time("2026-01-14"):
            notice = self._notice(self.d(2026, 1, 14))
            self.assertFalse(notice.on_time)
            notice.action_confirm()
        self.assertEqual(notice.result_ids.outcome, "late")
        self.assertEqual(self.line.date_end, self.d(2027, 3, 14), "renewed once")
        self.assertFalse(self.line.is_auto_renew)
        with freeze_time("2027-01-14"):
            self.run_renewal()
        self.assertEqual(self.line.date_end, self.d(2027, 3, 14), "then it stops")
        self.assertIn("the renewal is due", self._customer_mails(notice).body)

    def test_late_notice_registered_after_the_renewal_ran(self):
        with freeze_time("2026-01-14"):
            self.run_renewal()
        self.assertEqual(self.line.date_end, self.d(2027, 3, 14))
        with freeze_time("2026-01-20"):
            notice = self._notice(self.d(2026, 1, 15))
            self.assertFalse(notice.on_time, "late for the period ending 14 March")
            notice.action_confirm()
        self.assertEqual(notice.result_ids.outcome, "late")
        self.assertEqual(notice.result_ids.notice_deadline, self.d(2026, 1, 13))
        self.assertEqual(self.line.date_end, self.d(2027, 3, 14), "renewed once only")
        self.assertFalse(self.line.is_auto_renew)

    def test_letter_of_the_deadline_registered_after_the_renewal(self):
        """A letter delivered on the last day counts, even if typed in later."""
        with freeze_time("2026-01-14"):
            self.run_renewal()
            notice = self._notice(self.d(2026, 1, 13), channel="registered_mail")
            self.assertTrue(notice.on_time)
            notice.action_confirm()
        self.assertEqual(self.line.date_end, self.d(2026, 3, 14), "renewal undone")
        self.assertFalse(self.line.is_auto_renew)

    def test_channel_not_accepted_is_rejected_with_the_reason(self):
        with freeze_time("2026-01-05"):
            notice = self._notice(self.d(2026, 1, 5), channel="email")
            self.assertFalse(notice.channel_accepted)
            notice.action_confirm()
        self.assertEqual(notice.state, "rejected")
        self.assertIn("by Email", notice.rejection_reason)
        self.assertIn("Registered mail or PEC", notice.rejection_reason)
        self.assertTrue(self.line.is_auto_renew, "the service keeps renewing")
        self.assertIn("not valid", self._customer_mails(notice).body)
        # the company may accept plain email
        self.company.support_notice_email = True
        notice.action_reset_draft()
        self.assertTrue(notice.channel_accepted)

    def test_early_termination_without_credit_note(self):
        with freeze_time("2025-03-15"):
            invoice = self.line.contract_id.recurring_create_invoice()
            invoice.action_post()
        self.assertEqual(self.line.last_date_invoiced, self.d(2026, 3, 14))
        with freeze_time("2025-09-01"):
            notice = self._notice(
                self.d(2025, 9, 1), requested_end_date=self.d(2025, 9, 30)
            )
            notice.action_confirm()
        self.assertEqual(notice.result_ids.outcome, "early")
        self.assertEqual(self.line.date_end, self.d(2025, 9, 30))
        self.assertFalse(self.line.is_auto_renew)
        self.assertFalse(notice.refund_move_ids)
        refunds = self.env["account.move"].search(
            [("move_type", "=", "out_refund"), ("partner_id", "=", self.customer.id)]
        )
        self.assertFalse(refunds, "no refund for the rest of the period")
        with freeze_time("2026-03-15"):
            self.assertFalse(
                self.line.contract_id.recurring_create_invoice(), "never invoiced again"
            )

    def test_bad_input(self):
        notices = self.env["support.cancellation.notice"]
        before = notices.search_count([])
        with self.assertRaises(ValidationError) as caught:
            self._notice(self.d(2026, 1, 5), lines=self.env["contract.line"])
        self.assertIn("at least one service", str(caught.exception))
        with self.assertRaises(ValidationError) as caught:
            self._notice(self.d(2025, 3, 1))
        self.assertIn("before contract", str(caught.exception))
        # dates as the user reads them, never ISO
        self.assertIn("03/01/2025", str(caught.exception))
        self.assertNotIn("2025-03-01", str(caught.exception))
        foreign = self._service(self.hosting, self.d(2025, 3, 15), self.other_customer)
        with self.assertRaises(ValidationError) as caught:
            self._notice(self.d(2026, 1, 5), lines=foreign)
        self.assertIn("are not contracts of", str(caught.exception))
        self.assertEqual(notices.search_count([]), before, "nothing written")
        notice = self._notice(self.d(2026, 1, 5))
        notice.action_confirm()
        with self.assertRaises(UserError):
            notice.action_confirm()

    def test_only_a_manager_decides(self):
        clerk = new_test_user(
            self.env,
            login="clerk",
            groups="support_terms_base.group_support_terms_user",
        )
        notice = self._notice(self.d(2026, 1, 5)).with_user(clerk)
        notice.read(["state"])
        with self.assertRaises(UserError):
            notice.action_confirm()
        self.assertEqual(notice.state, "draft")
        self.assertTrue(self.line.is_auto_renew)

    def test_portal_sees_only_its_own_services_and_notices(self):
        own_notice = self._notice(self.d(2026, 1, 5))
        other_line = self._service(
            self.hosting, self.d(2025, 3, 15), self.other_customer
        )
        other_notice = self.env["support.cancellation.notice"].create(
            {
                "partner_id": self.other_customer.id,
                "contract_line_ids": [(6, 0, other_line.ids)],
                "received_at": datetime(2026, 1, 5, 9, 0),
                "channel": "pec",
            }
        )
        portal = self._portal_user(self.contact, "rossi_portal")
        lines = self.env["contract.line"].with_user(portal)
        self.assertEqual(lines.search([]), self.line)
        with self.assertRaises(AccessError):
            other_line.with_user(portal).read(["name"])
        notices = self.env["support.cancellation.notice"].with_user(portal)
        self.assertEqual(notices.search([]), own_notice)
        with self.assertRaises(AccessError):
            other_notice.with_user(portal).read(["name"])
        with self.assertRaises(AccessError):
            own_notice.with_user(portal).write({"sent_date": self.d(2025, 12, 1)})
        with self.assertRaises(AccessError):
            notices.create(
                {
                    "partner_id": self.customer.id,
                    "contract_line_ids": [(6, 0, self.line.ids)],
                    "channel": "pec",
                }
            )

    # -- sent or received: which day the 60 days are judged on --

    def test_letter_posted_on_last_day_is_on_time(self):
        """The terms: "L'eventuale disdetta ... dovrà essere inviata via
        Raccomandata a/r almeno 60 giorni prima della scadenza": a letter
        posted on the last day to cancel and delivered three days later is on
        time, even when the renewal ran in between."""
        self.company.support_notice_judged_on = "sent"  # what the hosting terms set
        with freeze_time("2026-01-14 02:00"):
            self.run_renewal()
        self.assertEqual(self.line.date_end, self.d(2027, 3, 14))
        with freeze_time("2026-01-16 15:00"):
            notice = self._notice(
                datetime(2026, 1, 16, 10, 0),
                channel="registered_mail",
                sent_date=self.d(2026, 1, 13),
            )
            self.assertEqual(notice.received_date, self.d(2026, 1, 16))
            self.assertTrue(notice.on_time)
            notice.action_confirm()
        self.assertEqual(notice.result_ids.outcome, "on_time")
        self.assertEqual(self.line.date_end, self.d(2026, 3, 14), "renewal undone")
        self.assertFalse(self.line.is_auto_renew)
        self.assertIn("sent on 01/13/2026", notice.result_ids.explanation)

    def test_letter_posted_on_last_day_is_late_when_terms_judge_receipt(self):
        """Terms that want the notice received by the last day: the same
        letter, delivered three days later, lets the renewal happen once."""
        self.company.support_notice_judged_on = "received"
        with freeze_time("2026-01-16 15:00"):
            notice = self._notice(
                datetime(2026, 1, 16, 10, 0),
                channel="registered_mail",
                sent_date=self.d(2026, 1, 13),
            )
            self.assertFalse(notice.on_time)
            notice.action_confirm()
        self.assertEqual(notice.result_ids.outcome, "late")
        self.assertEqual(self.line.date_end, self.d(2027, 3, 14), "renewed once")

    def test_sent_date_defaults_to_the_day_received_in_company_time_zone(self):
        # 23:30 UTC on 13 January is already 14 January in Rome
        with freeze_time("2026-01-14 08:00"):
            notice = self._notice(datetime(2026, 1, 13, 23, 30))
        self.assertEqual(notice.received_date, self.d(2026, 1, 14))
        self.assertEqual(notice.sent_date, self.d(2026, 1, 14))
        self.assertFalse(notice.on_time, "received and sent after 13 January")

    # -- refund window: judged on the receipt, not on the confirmation --

    # -- one notice per service and period, one refund per service --

    def test_second_notice_for_the_same_period_is_refused_naming_the_first(self):
        notices = self.env["support.cancellation.notice"]
        with freeze_time("2026-01-10"):
            first = self._notice(self.d(2026, 1, 8))
            before = notices.search_count([])
            with self.assertRaises(ValidationError) as caught:
                self._notice(self.d(2026, 1, 10), channel="registered_mail")
            self.assertIn(first.name, str(caught.exception))
            self.assertEqual(notices.search_count([]), before, "nothing written")
            first.action_confirm()
            with self.assertRaises(ValidationError) as caught:
                self._notice(self.d(2026, 1, 10), channel="registered_mail")
            self.assertIn(first.name, str(caught.exception))
        self.assertEqual(notices.search_count([]), before)

    def test_rejected_notice_does_not_block_a_valid_one(self):
        with freeze_time("2026-01-10"):
            by_email = self._notice(self.d(2026, 1, 5), channel="email")
            by_email.action_confirm()
            self.assertEqual(by_email.state, "rejected")
            by_pec = self._notice(self.d(2026, 1, 10))
            # the rejected one cannot come back while the valid one is open
            with self.assertRaises(ValidationError) as caught:
                by_email.action_reset_draft()
            self.assertIn(by_pec.name, str(caught.exception))
            self.assertEqual(by_email.state, "rejected")

    def test_notice_for_the_next_period_is_accepted(self):
        """A late notice renews once; a notice for the renewed period is new."""
        with freeze_time("2026-01-20"):
            late = self._notice(self.d(2026, 1, 20))
            late.action_confirm()
        self.assertEqual(late.result_ids.outcome, "late")
        with freeze_time("2026-06-01"):
            early = self._notice(
                self.d(2026, 6, 1), requested_end_date=self.d(2026, 12, 31)
            )
            early.action_confirm()
        self.assertEqual(early.result_ids.outcome, "early")
        self.assertEqual(self.line.date_end, self.d(2026, 12, 31))

    # -- a late notice asking to end at the expiry: the renewal is due --

    def test_late_notice_ending_at_current_expiry_renews_once_and_is_charged(self):
        """The terms: "In caso di mancata disdetta entro tale termine si è
        tenuti a pagare il canone per il relativo rinnovo"."""
        contract = self.line.contract_id
        with freeze_time("2025-03-15"):
            contract.recurring_create_invoice().action_post()
        with freeze_time("2026-01-14 02:00"):
            self.run_renewal()
        with freeze_time("2026-01-20"):
            notice = self._notice(
                self.d(2026, 1, 20), requested_end_date=self.d(2026, 3, 14)
            )
            notice.action_confirm()
        self.assertEqual(notice.result_ids.outcome, "late")
        self.assertEqual(self.line.date_end, self.d(2027, 3, 14), "renewed once")
        self.assertFalse(self.line.is_auto_renew)
        with freeze_time("2026-03-15"):
            invoice = contract.recurring_create_invoice()
        self.assertTrue(invoice, "the renewal is invoiced")
        self.assertEqual(invoice.invoice_line_ids.contract_line_id, self.line)
        self.assertEqual(self.line.last_date_invoiced, self.d(2027, 3, 14))
        with freeze_time("2027-01-14"):
            self.run_renewal()
        self.assertEqual(self.line.date_end, self.d(2027, 3, 14), "then it stops")

    # -- a service without an end date has no renewal to cancel --

    def test_notice_on_a_line_without_end_date_is_refused_clearly(self):
        product = self._create_product("Manutenzione continuativa", self.company)
        _contract, endless = self._create_contract(
            self.customer, product, self.d(2025, 1, 1)
        )
        self.assertFalse(endless.date_end)
        notices = self.env["support.cancellation.notice"]
        before = notices.search_count([])
        with freeze_time("2026-01-10"), self.assertRaises(ValidationError) as caught:
            self._notice(self.d(2026, 1, 10), lines=endless)
        self.assertIn("no end date", str(caught.exception))
        self.assertEqual(notices.search_count([]), before, "nothing written")

    # -- hostile dates --

    def test_sent_after_received_is_refused(self):
        notices = self.env["support.cancellation.notice"]
        before = notices.search_count([])
        with freeze_time("2026-01-10"), self.assertRaises(ValidationError) as caught:
            self._notice(self.d(2026, 1, 8), sent_date=self.d(2026, 1, 9))
        self.assertIn("cannot have been sent later", str(caught.exception))
        self.assertEqual(notices.search_count([]), before, "nothing written")

    def test_received_in_the_future_is_refused(self):
        notices = self.env["support.cancellation.notice"]
        before = notices.search_count([])
        with freeze_time("2026-01-10 09:00"):
            with self.assertRaises(ValidationError) as caught:
                self._notice(datetime(2026, 1, 12, 9, 0))
            self.assertIn("in the future", str(caught.exception))
            notice = self._notice(datetime(2026, 1, 10, 8, 0))
            with self.assertRaises(ValidationError):
                notice.received_at = datetime(2026, 1, 10, 10, 0)
        self.assertEqual(notices.search_count([]), before + 1)
        self.assertEqual(notice.received_at, datetime(2026, 1, 10, 8, 0))
