from datetime import datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .common import RenewalCase


@tagged("post_install", "-at_install")
class TestNoticeOnServiceRenewedAsNewLine(RenewalCase):
    """The terms: "L'eventuale disdetta ... dovrà essere inviata via
    Raccomandata a/r almeno 60 giorni prima della scadenza"; "In caso di
    mancata disdetta entro tale termine si è tenuti a pagare il canone per il
    relativo rinnovo".

    The company renews with OCA's "new line at renewal": the customer's
    notice names the service it knows, the line it signed; it applies to the
    service in force, the successor line.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.create_new_line_at_contract_line_renew = True
        cls.company.support_notice_judged_on = "sent"  # what the hosting terms set
        # registered on 15 March 2025: ends 14 March 2026, last day to cancel
        # 13 January 2026
        cls.line = cls._service(cls.hosting, cls.d(2025, 3, 15))

    def _notice(self, received, channel="pec"):
        return self.env["support.cancellation.notice"].create(
            {
                "partner_id": self.contact.id,
                "contract_line_ids": [(6, 0, self.line.ids)],
                "received_at": datetime.combine(received, datetime.min.time()),
                "channel": channel,
            }
        )

    def _renewed_on_14_january(self):
        with freeze_time("2025-12-15 10:00"):
            self.run_renewal()
        with freeze_time("2026-01-14 10:00"):
            self.run_renewal()
            self.run_renewal()
        successor = self.line.successor_contract_line_id
        self.assertTrue(successor)
        return successor

    def test_renewal_as_new_line_keeps_the_reminder_of_the_period_on_its_line(self):
        """The reminder is the provider's evidence that the customer was told
        before the last day to cancel the period of the old line."""
        successor = self._renewed_on_14_january()
        reminder = self.line.renewal_reminder_ids
        self.assertEqual(len(reminder), 1)
        self.assertEqual(reminder.period_end, self.d(2026, 3, 14))
        self.assertFalse(successor.renewal_reminder_ids)

    def test_one_day_late_renews_once_as_new_line_then_stops(self):
        """The notice keeps the service the customer named; the renewal it
        lets happen is the successor line, which then stops."""
        with freeze_time("2026-01-14 08:00"):
            notice = self._notice(self.d(2026, 1, 14))
            notice.action_confirm()
        successor = self.line.successor_contract_line_id
        self.assertTrue(successor)
        self.assertEqual(notice.result_ids.outcome, "late")
        self.assertEqual(notice.result_ids.contract_line_id, successor)
        self.assertEqual(notice.contract_line_ids, self.line)
        self.assertFalse(successor.cancellation_notice_ids)
        self.assertFalse(successor.is_auto_renew)
        with freeze_time("2027-01-14 10:00"):
            self.run_renewal()
        self.assertFalse(successor.successor_contract_line_id)

    def test_late_notice_after_renewal_as_new_line_stops_the_successor(self):
        successor = self._renewed_on_14_january()
        with freeze_time("2026-01-20 10:00"):
            notice = self._notice(self.d(2026, 1, 15))
            notice.action_confirm()
        self.assertEqual(notice.result_ids.outcome, "late")
        self.assertEqual(notice.result_ids.contract_line_id, successor)
        self.assertEqual(notice.result_ids.end_date, self.d(2027, 3, 14))
        self.assertFalse(successor.is_auto_renew)
        self.assertFalse(successor.successor_contract_line_id, "renewed once only")
        with freeze_time("2027-01-14 10:00"):
            self.run_renewal()
        self.assertFalse(successor.successor_contract_line_id)
        self.assertEqual(successor.date_end, self.d(2027, 3, 14))

    def test_letter_of_the_deadline_after_renewal_as_new_line_undoes_it(self):
        successor = self._renewed_on_14_january()
        with freeze_time("2026-01-16 10:00"):
            notice = self._notice(self.d(2026, 1, 16), channel="registered_mail")
            notice.sent_date = self.d(2026, 1, 13)
            self.assertTrue(notice.on_time)
            notice.action_confirm()
        self.assertEqual(notice.result_ids.outcome, "on_time")
        self.assertEqual(notice.result_ids.end_date, self.d(2026, 3, 14))
        self.assertTrue(successor.is_canceled)
        self.assertFalse(self.line.successor_contract_line_id)
        self.assertFalse(self.line.is_auto_renew)
        with freeze_time("2026-01-17 10:00"):
            self.run_renewal()
        self.assertFalse(self.line.successor_contract_line_id)
        self.assertEqual(self.line.date_end, self.d(2026, 3, 14))

    def test_notice_for_the_next_period_naming_the_old_line_stops_the_successor(self):
        successor = self._renewed_on_14_january()
        with freeze_time("2026-06-01 10:00"):
            notice = self._notice(self.d(2026, 6, 1))
            self.assertTrue(notice.on_time)
            notice.action_confirm()
        self.assertEqual(notice.result_ids.outcome, "on_time")
        self.assertEqual(notice.result_ids.contract_line_id, successor)
        self.assertEqual(notice.result_ids.end_date, self.d(2027, 3, 14))
        with freeze_time("2027-01-14 10:00"):
            self.run_renewal()
        self.assertFalse(successor.successor_contract_line_id)
        self.assertFalse(successor.is_auto_renew)


@tagged("post_install", "-at_install")
class TestNoticeForTwoServices(RenewalCase):
    """One registered letter cancels a hosting (last day to cancel 13 January)
    and a showcase (last day 1 November): each service is judged on its own
    deadline."""

    def test_one_letter_for_two_services_with_different_deadlines(self):
        self.company.support_notice_judged_on = "sent"
        hosting = self._service(self.hosting, self.d(2025, 3, 15))
        showcase = self._service(self.showcase, self.d(2025, 6, 10))
        with freeze_time("2026-01-14 10:00"):
            self.run_renewal()
        with freeze_time("2026-02-03 10:00"):
            notice = self.env["support.cancellation.notice"].create(
                {
                    "partner_id": self.contact.id,
                    "contract_line_ids": [(6, 0, (hosting | showcase).ids)],
                    "received_at": datetime(2026, 2, 3, 9, 0),
                    "sent_date": self.d(2026, 2, 1),
                    "channel": "registered_mail",
                }
            )
            self.assertFalse(notice.on_time, "late for the hosting")
            notice.action_confirm()
        outcomes = {r.contract_line_id: r.outcome for r in notice.result_ids}
        self.assertEqual(outcomes, {hosting: "late", showcase: "on_time"})
        self.assertEqual(hosting.date_end, self.d(2027, 3, 14), "renewed once")
        self.assertEqual(showcase.date_end, self.d(2026, 12, 31))
        self.assertFalse(hosting.is_auto_renew)
        self.assertFalse(showcase.is_auto_renew)
