from odoo.tests import tagged

from .common import SupportTermsCase


@tagged("post_install", "-at_install")
class TestSupportPlanValidation(SupportTermsCase):
    """Bad terms of a plan are refused with a clear message; nothing is
    written. The support hours and targets are checked in support_terms_sla."""

    def test_refund_window_longer_than_duration(self):
        self._assert_refused(
            "longer than the plan's duration",
            duration_days=1,
            refund_window_hours=48,
        )

    def test_sound_plan_is_accepted(self):
        """A year, 24 hours to ask for a refund, a reminder a month before;
        0 means "no promise" for targets and "never" for the auto-close."""
        plans = self.env["support.plan"]
        for code, values in (
            ("SOUND", {}),
            (
                "ZEROS",
                {
                    "take_in_charge_hours": 0,
                    "auto_close_days": 0,
                    "auto_close_warning_days": 0,
                    "refund_window_hours": 0,
                },
            ),
            (
                "ONEDAY",
                {
                    "duration_days": 1,
                    "refund_window_hours": 24,
                    "renewal_reminder_days": 0,
                },
            ),
        ):
            with self.subTest(code=code):
                plan = plans.create(
                    dict(
                        {
                            "name": code,
                            "code": code,
                            "take_in_charge_hours": 4.0,
                            "urgent_take_in_charge_hours": 1.0,
                            "auto_close_days": 7,
                            "auto_close_warning_days": 2,
                            "duration_days": 365,
                            "refund_window_hours": 24,
                            "renewal_reminder_days": 30,
                        },
                        **values,
                    )
                )
                self.assertTrue(plan.exists())

    def test_duration_and_refund_window(self):
        self._assert_refused("must last at least one day", duration_days=0)
        self._assert_refused("cannot be negative", refund_window_hours=-1)
        self._assert_refused(
            "longer than the plan's duration",
            duration_days=1,
            refund_window_hours=25,
            renewal_reminder_days=0,
        )

    def test_renewal_reminder(self):
        self._assert_refused("cannot be negative", renewal_reminder_days=-1)
        self._assert_refused(
            "within the plan's duration", duration_days=30, renewal_reminder_days=30
        )
