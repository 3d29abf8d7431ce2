from odoo.tests import BaseCase, tagged

from odoo.addons.support_terms_auto_close.rules.auto_close import auto_close_problems
from odoo.addons.support_terms_sla.rules.targets import target_problems

from ..rules.plan_term import term_problems

SOUND = {
    "take_in_charge_hours": 4.0,
    "urgent_take_in_charge_hours": 1.0,
    "auto_close_days": 7,
    "auto_close_warning_days": 2,
    "duration_days": 365,
    "refund_window_hours": 24,
    "renewal_reminder_days": 30,
}


@tagged("post_install", "-at_install")
class TestPlanRules(BaseCase):
    """The plan rules on plain values, without the ORM."""

    def problems(self, **changes):
        """What each feature's rule finds wrong in a plan, in one list."""
        values = dict(SOUND, **changes)
        return [
            *target_problems(
                values["take_in_charge_hours"], values["urgent_take_in_charge_hours"]
            ),
            *(
                f"auto_close_{code}"
                for code in auto_close_problems(
                    values["auto_close_days"], values["auto_close_warning_days"]
                )
            ),
            *term_problems(
                values["duration_days"],
                values["refund_window_hours"],
                values["renewal_reminder_days"],
            ),
        ]

    def test_sound_plan_has_no_problem(self):
        self.assertEqual(self.problems(), [])
        # 0 means "no promise" for targets and "never" for the auto-close
        self.assertEqual(
            self.problems(
                take_in_charge_hours=0,
                auto_close_days=0,
                auto_close_warning_days=0,
                refund_window_hours=0,
            ),
            [],
        )

    def test_auto_close(self):
        self.assertEqual(self.problems(auto_close_days=-7), ["auto_close_negative"])
        self.assertEqual(
            self.problems(auto_close_days=7, auto_close_warning_days=7),
            ["auto_close_warning_too_long"],
        )

    def test_refund_window_within_duration(self):
        self.assertEqual(
            self.problems(
                duration_days=1, refund_window_hours=25, renewal_reminder_days=0
            ),
            ["refund_window_too_long"],
        )
        self.assertEqual(
            self.problems(
                duration_days=1, refund_window_hours=24, renewal_reminder_days=0
            ),
            [],
        )
        self.assertEqual(self.problems(duration_days=0), ["duration_not_positive"])

    def test_renewal_reminder(self):
        self.assertEqual(
            self.problems(renewal_reminder_days=-1), ["renewal_reminder_negative"]
        )
        self.assertEqual(
            self.problems(duration_days=30, renewal_reminder_days=30),
            ["renewal_reminder_too_long"],
        )
