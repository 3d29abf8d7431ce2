from datetime import date

from odoo.tests import BaseCase, tagged

from odoo.addons.support_terms_coverage.rules.prepaid_credits import credit_expiry
from odoo.addons.support_terms_renewal.rules import renewal as r


@tagged("post_install", "-at_install")
class TestPlanAndCreditsRules(BaseCase):
    def test_credits_bought_with_a_plan_end_the_same_day(self):
        """The terms: "365 giorni dalla data di acquisto", for a plan and for
        the credits bought with it."""
        self.assertEqual(
            r.period_end(date(2023, 3, 15), r.ANNIVERSARY, duration_days=365),
            date(2024, 3, 13),
        )
        self.assertEqual(credit_expiry(date(2023, 3, 15), 365), date(2024, 3, 13))
