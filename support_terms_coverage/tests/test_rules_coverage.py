from datetime import date

from odoo.tests import BaseCase, tagged

from odoo.addons.support_terms_coverage.rules.prepaid_credits import (
    allocate_fifo,
    credit_expiry,
)


@tagged("post_install", "-at_install")
class TestCreditRules(BaseCase):
    def test_expiry_365_days_from_purchase(self):
        self.assertEqual(credit_expiry(date(2026, 3, 1), 365), date(2027, 2, 28))
        self.assertEqual(credit_expiry(date(2026, 3, 1), 1), date(2026, 3, 1))
        with self.assertRaises(ValueError):
            credit_expiry(date(2026, 3, 1), 0)

    def test_fifo_takes_the_first_expiring(self):
        packs = [
            (1, 10, date(2027, 6, 1)),
            (2, 5, date(2027, 1, 1)),
            (3, 4, date(2027, 3, 1)),
        ]
        self.assertEqual(allocate_fifo(packs, 3), ([(2, 3)], 0))
        self.assertEqual(allocate_fifo(packs, 7), ([(2, 5), (3, 2)], 0))
        self.assertEqual(allocate_fifo(packs, 22), ([(2, 5), (3, 4), (1, 10)], 3))

    def test_fifo_skips_empty_packs_and_refuses_nonsense(self):
        packs = [(1, 0, date(2027, 1, 1)), (2, 2, date(2027, 2, 1))]
        self.assertEqual(allocate_fifo(packs, 1), ([(2, 1)], 0))
        self.assertEqual(allocate_fifo([], 2), ([], 2))
        with self.assertRaises(ValueError):
            allocate_fifo(packs, -1)
