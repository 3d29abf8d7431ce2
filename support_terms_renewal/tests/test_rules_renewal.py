from datetime import date, datetime

from odoo.tests import BaseCase, tagged

from odoo.addons.support_terms_renewal.rules import renewal as r


@tagged("post_install", "-at_install")
class TestRenewalRules(BaseCase):
    def test_anniversary_period(self):
        self.assertEqual(
            r.period_end(date(2026, 3, 15), r.ANNIVERSARY), date(2027, 3, 14)
        )
        self.assertEqual(
            r.next_period(date(2027, 3, 14), r.ANNIVERSARY),
            (date(2027, 3, 15), date(2028, 3, 14)),
        )

    def test_29_february(self):
        # a year from 29 February 2024 ends on 28 February 2025 ...
        self.assertEqual(
            r.period_end(date(2024, 2, 29), r.ANNIVERSARY), date(2025, 2, 28)
        )
        # ... and the next period starts on 1 March
        self.assertEqual(
            r.next_period(date(2025, 2, 28), r.ANNIVERSARY),
            (date(2025, 3, 1), date(2026, 2, 28)),
        )
        self.assertEqual(r.anniversary(date(2024, 2, 29), 4), date(2028, 2, 29))

    def test_calendar_year(self):
        self.assertEqual(
            r.period_end(date(2026, 6, 10), r.CALENDAR_YEAR), date(2026, 12, 31)
        )
        self.assertEqual(
            r.next_period(date(2026, 12, 31), r.CALENDAR_YEAR),
            (date(2027, 1, 1), date(2027, 12, 31)),
        )
        with self.assertRaises(ValueError):
            r.period_end(date(2026, 6, 10), "monthly")

    def test_notice_deadline(self):
        self.assertEqual(r.notice_deadline(date(2027, 3, 14), 60), date(2027, 1, 13))
        self.assertEqual(r.notice_deadline(date(2026, 12, 31), 60), date(2026, 11, 1))
        self.assertIsNone(r.notice_deadline(None, 60))

    def test_notice_outcome(self):
        deadline = date(2027, 1, 13)
        self.assertEqual(
            r.notice_outcome(date(2027, 1, 13), deadline, False), r.ON_TIME
        )
        self.assertEqual(r.notice_outcome(date(2027, 1, 14), deadline, False), r.LATE)
        self.assertEqual(
            r.notice_outcome(date(2027, 1, 14), deadline, True), r.LATE_RENEWED
        )
        # on the deadline but registered after the renewal ran: still on time
        self.assertEqual(r.notice_outcome(date(2027, 1, 13), deadline, True), r.ON_TIME)

    def test_reminder_dates(self):
        self.assertEqual(
            r.reminder_dates(date(2027, 3, 14), date(2027, 1, 13), 30, False),
            {"notice": date(2026, 12, 14)},
        )
        self.assertEqual(
            r.reminder_dates(date(2027, 3, 14), date(2027, 1, 13), 30, True),
            {"notice": date(2026, 12, 14), "end": date(2027, 2, 12)},
        )
        self.assertEqual(r.reminder_dates(date(2027, 3, 14), None, 30, False), {})
        # 0 days: no reminders at all, not one on the deadline itself
        self.assertEqual(
            r.reminder_dates(date(2027, 3, 14), date(2027, 1, 13), 0, True), {}
        )

    def test_refund_window(self):
        bought = datetime(2026, 3, 1, 9, 0)
        self.assertTrue(r.within_refund_window(bought, datetime(2026, 3, 1, 11, 0), 24))
        self.assertTrue(r.within_refund_window(bought, datetime(2026, 3, 2, 9, 0), 24))
        self.assertFalse(
            r.within_refund_window(bought, datetime(2026, 3, 2, 10, 0), 24)
        )
        self.assertFalse(r.within_refund_window(bought, datetime(2026, 3, 1, 10, 0), 0))

    def test_days_left(self):
        self.assertEqual(r.days_left(date(2027, 1, 13), date(2027, 1, 3)), 10)
        self.assertEqual(r.days_left(date(2027, 1, 13), date(2027, 1, 14)), -1)

    def test_365_days_from_purchase_across_29_february(self):
        """The terms: "365 giorni dalla data di acquisto"."""
        self.assertEqual(r.days_period_end(date(2023, 3, 15), 365), date(2024, 3, 13))
        self.assertEqual(r.days_period_end(date(2025, 3, 15), 365), date(2026, 3, 14))
        self.assertEqual(
            r.period_end(date(2023, 3, 15), r.ANNIVERSARY, duration_days=365),
            date(2024, 3, 13),
        )
        self.assertEqual(
            r.next_period(date(2024, 3, 13), r.ANNIVERSARY, 365),
            (date(2024, 3, 14), date(2025, 3, 13)),
        )
        with self.assertRaises(ValueError):
            r.days_period_end(date(2023, 3, 15), 0)

    def test_calendar_year_first_period_sold_after_its_last_day_to_cancel(self):
        # sold on 10 December: 1 November is past, the period runs a year more
        self.assertEqual(
            r.period_end(date(2026, 12, 10), r.CALENDAR_YEAR, 60), date(2027, 12, 31)
        )
        # sold on 1 November, the last day to cancel: this year's end
        self.assertEqual(
            r.period_end(date(2026, 11, 1), r.CALENDAR_YEAR, 60), date(2026, 12, 31)
        )
        self.assertEqual(
            r.period_end(date(2026, 11, 2), r.CALENDAR_YEAR, 60), date(2027, 12, 31)
        )
