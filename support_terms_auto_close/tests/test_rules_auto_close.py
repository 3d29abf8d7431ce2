from datetime import datetime

from odoo.tests import BaseCase, tagged

from odoo.addons.support_terms_auto_close.rules.auto_close import (
    auto_close_dates,
    reopens,
)

T0 = datetime(2026, 3, 2, 10, 0)


@tagged("post_install", "-at_install")
class TestAutoCloseRules(BaseCase):
    def test_seven_days_warned_two_days_before(self):
        warning, closing = auto_close_dates(T0, 7, 2)
        self.assertEqual(warning, datetime(2026, 3, 7, 10, 0))
        self.assertEqual(closing, datetime(2026, 3, 9, 10, 0))

    def test_never_and_no_warning(self):
        self.assertEqual(auto_close_dates(T0, 0, 2), (None, None))
        self.assertEqual(auto_close_dates(None, 7, 2), (None, None))
        self.assertEqual(auto_close_dates(T0, 7, 0), (None, datetime(2026, 3, 9, 10)))

    def test_late_warning_leaves_the_whole_warning_period(self):
        warned = datetime(2026, 3, 9, 12, 0)  # the closing day itself
        _warning, closing = auto_close_dates(T0, 7, 2, warned)
        self.assertEqual(closing, datetime(2026, 3, 11, 12, 0))
        # a timely warning does not move the closing
        on_time = datetime(2026, 3, 7, 11, 0)
        self.assertEqual(
            auto_close_dates(T0, 7, 2, on_time)[1], datetime(2026, 3, 9, 11, 0)
        )

    def test_warning_within_the_hour_keeps_the_seventh_day(self):
        """ "chiuso automaticamente entro 7 giorni": the hourly action warns up
        to an hour after the warning date; that does not move the closing
        past the seventh day."""
        warned = datetime(2026, 3, 7, 10, 59, 59)
        _warning, closing = auto_close_dates(T0, 7, 2, warned)
        self.assertEqual(closing, datetime(2026, 3, 9, 10, 0))
        # a missed run (an hour or more late) still leaves the whole period
        warned = datetime(2026, 3, 7, 11, 0)
        self.assertEqual(
            auto_close_dates(T0, 7, 2, warned)[1], datetime(2026, 3, 9, 11, 0)
        )

    def test_reopen_window(self):
        closed = datetime(2026, 3, 9, 10, 0)
        self.assertTrue(reopens(closed, datetime(2026, 3, 16, 10, 0), 7))
        self.assertFalse(reopens(closed, datetime(2026, 3, 16, 10, 1), 7))
        self.assertFalse(reopens(closed, datetime(2026, 3, 9, 11, 0), 0))
        self.assertFalse(reopens(None, datetime(2026, 3, 9, 11, 0), 7))
