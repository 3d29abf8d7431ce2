from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common_renewal import RenewalCase


@tagged("post_install", "-at_install")
class TestCancellationNotice(RenewalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # hosting registered on 15 March 2025: ends 14 March 2026, last day
        # to cancel 13 January 2026
        cls.line = cls._service(cls.hosting, cls.d(2025, 3, 15))

    def _notice(self, received, channel="pec", lines=None, **values):
        return self.env["support.cancellation.notice"].create(
            dict(
                {
                    "partner_id": self.contact.id,
                    "contract_line_ids": [
                        (6, 0, (self.line if lines is None else lines).ids)
                    ],
                    "received_date": received,
                    "channel": channel,
                },
                **values,
            )
        )

    def _customer_mails(self, notice):
        return notice.message_ids.filtered(
            lambda m: self.customer in m.partner_ids
            and m.message_type != "notification"
        )

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

    def _bought_plan(self):
        with freeze_time("2026-03-01 09:00:00"):
            line = self._service(self.plan_product, self.d(2026, 3, 1))
            invoice = line.contract_id.recurring_create_invoice()
            invoice.action_post()
        return line, invoice

    def test_support_plan_cancelled_two_hours_after_purchase(self):
        line, invoice = self._bought_plan()
        with freeze_time("2026-03-01 11:00:00"):
            notice = self._notice(self.d(2026, 3, 1), lines=line)
            notice.action_confirm()
        self.assertEqual(notice.result_ids.outcome, "refunded")
        refund = notice.refund_move_ids
        self.assertEqual(len(refund), 1)
        self.assertEqual(refund.move_type, "out_refund")
        self.assertEqual(refund.state, "posted")
        self.assertEqual(refund.amount_total, invoice.amount_total)
        self.assertEqual(refund.reversed_entry_id, invoice)
        self.assertTrue(line.is_canceled)
        self.assertIn(refund.name, self._customer_mails(notice).body)

    def test_support_plan_cancelled_25_hours_after_purchase(self):
        line, _invoice = self._bought_plan()
        with freeze_time("2026-03-02 10:00:00"):
            notice = self._notice(self.d(2026, 3, 2), lines=line)
            notice.action_confirm()
        self.assertEqual(notice.result_ids.outcome, "on_time")
        self.assertFalse(notice.refund_move_ids)
        self.assertFalse(line.is_canceled)
        self.assertEqual(line.date_end, self.d(2027, 2, 28), "it runs its year")
        self.assertFalse(line.is_auto_renew)

    def test_plan_without_purchase_moment_is_never_refunded(self):
        """Lines older than the addon have no purchase moment, no refund window."""
        line, _invoice = self._bought_plan()
        line.purchase_datetime = False
        with freeze_time("2026-03-01 11:00:00"):
            notice = self._notice(self.d(2026, 3, 1), lines=line)
            notice.action_confirm()
        self.assertEqual(notice.result_ids.outcome, "on_time")
        self.assertFalse(notice.refund_move_ids)

    def test_bad_input(self):
        notices = self.env["support.cancellation.notice"]
        before = notices.search_count([])
        with self.assertRaises(ValidationError) as caught:
            self._notice(self.d(2026, 1, 5), lines=self.env["contract.line"])
        self.assertIn("at least one service", str(caught.exception))
        with self.assertRaises(ValidationError) as caught:
            self._notice(self.d(2025, 3, 1))
        self.assertIn("before contract", str(caught.exception))
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
            self.env, login="clerk", groups="support_terms.group_support_terms_user"
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
                "received_date": self.d(2026, 1, 5),
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
            own_notice.with_user(portal).write({"received_date": self.d(2025, 12, 1)})
        with self.assertRaises(AccessError):
            notices.create(
                {
                    "partner_id": self.customer.id,
                    "contract_line_ids": [(6, 0, self.line.ids)],
                    "channel": "pec",
                }
            )
