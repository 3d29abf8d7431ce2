from datetime import date

from odoo.tests import BaseCase, tagged

from odoo.addons.support_terms_suspension.rules.late_payment import (
    all_settled,
    due_before_invoice,
    is_overdue,
    late_window_start,
    overdue_before,
    paid_late,
    reaches_do_not_renew,
    settled_late,
)


@tagged("post_install", "-at_install")
class TestLatePaymentRules(BaseCase):
    def test_overdue_the_day_after_the_due_date_plus_grace(self):
        due = date(2026, 3, 2)
        self.assertFalse(is_overdue(due, date(2026, 3, 2), 0))
        self.assertTrue(is_overdue(due, date(2026, 3, 3), 0))
        self.assertFalse(is_overdue(due, date(2026, 3, 5), 3))
        self.assertTrue(is_overdue(due, date(2026, 3, 6), 3))
        self.assertEqual(overdue_before(date(2026, 3, 6), 3), date(2026, 3, 3))
        self.assertFalse(is_overdue(None, date(2026, 3, 6), 0))

    def test_every_invoice_settled_paid_or_credited(self):
        self.assertTrue(all_settled(["paid", "in_payment"]))
        self.assertTrue(all_settled(["paid", "reversed"]))
        self.assertFalse(all_settled(["paid", "partial"]))
        self.assertFalse(all_settled(["not_paid"]))
        self.assertFalse(all_settled([]))

    def test_paid_late_by_its_payment_date_and_grace(self):
        due = date(2026, 3, 2)
        self.assertFalse(paid_late(due, date(2026, 3, 2), 0))
        self.assertTrue(paid_late(due, date(2026, 3, 3), 0))
        self.assertFalse(paid_late(due, date(2026, 3, 5), 3))
        self.assertTrue(paid_late(due, date(2026, 3, 6), 3))
        # credited only: nothing was paid late
        self.assertFalse(paid_late(due, None, 0))
        self.assertFalse(settled_late([(due, date(2026, 3, 2)), (due, None)], 0))
        self.assertTrue(
            settled_late([(due, date(2026, 3, 2)), (due, date(2026, 3, 3))], 0)
        )
        self.assertFalse(settled_late([], 0))

    def test_due_before_the_invoice_date(self):
        self.assertFalse(due_before_invoice(date(2026, 3, 2), [date(2026, 3, 2)]))
        self.assertTrue(
            due_before_invoice(date(2026, 3, 2), [date(2026, 4, 1), date(2026, 3, 1)])
        )
        self.assertFalse(due_before_invoice(date(2026, 3, 2), []))

    def test_late_payments_window_and_threshold(self):
        self.assertEqual(late_window_start(date(2026, 3, 31), 24), date(2024, 3, 31))
        self.assertEqual(late_window_start(date(2026, 2, 28), 12), date(2025, 2, 28))
        self.assertFalse(reaches_do_not_renew(1, 2))
        self.assertTrue(reaches_do_not_renew(2, 2))
        self.assertFalse(reaches_do_not_renew(10, 0))
