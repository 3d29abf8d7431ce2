from odoo.tests import tagged

from odoo.addons.support_terms_plan.tests.common import SupportPlanCase


@tagged("post_install", "-at_install")
class TestSupportPlanAutoCloseValidation(SupportPlanCase):
    """Bad auto-close days of a plan are refused with a clear message;
    nothing is written."""

    def test_warning_after_closing(self):
        self._assert_refused(
            "fewer days before the automatic closing",
            auto_close_days=3,
            auto_close_warning_days=5,
        )

    def test_negative_days(self):
        self._assert_refused("cannot be negative", auto_close_days=-1)
        self._assert_refused("cannot be negative", auto_close_warning_days=-1)

    def test_warning_on_the_closing_day(self):
        self._assert_refused(
            "fewer days before the automatic closing",
            auto_close_days=7,
            auto_close_warning_days=7,
        )

    def test_sound_days_and_never(self):
        """7 days warned 2 before, as the terms; 0 is "never"."""
        plans = self.env["support.plan"]
        for days, warning in ((7, 2), (0, 0)):
            with self.subTest(days=days):
                plan = plans.create(
                    {
                        "name": f"Plan {days}",
                        "code": f"P{days}",
                        "auto_close_days": days,
                        "auto_close_warning_days": warning,
                    }
                )
                self.assertEqual(plan.auto_close_days, days)
