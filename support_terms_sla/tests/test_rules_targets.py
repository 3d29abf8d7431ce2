from odoo.tests import BaseCase, tagged

from odoo.addons.support_terms_sla.rules.targets import (
    MAX_TARGET_HOURS,
    target_problems,
)


@tagged("post_install", "-at_install")
class TestTargetRules(BaseCase):
    """The take-in-charge targets of a plan on plain values, without the ORM."""

    def test_targets(self):
        self.assertEqual(target_problems(4.0, 1.0), [])
        # 0 means "no promise"
        self.assertEqual(target_problems(0, 0), [])
        self.assertEqual(target_problems(-1, 1.0), ["take_in_charge_negative"])
        self.assertEqual(target_problems(4.0, -1), ["urgent_take_in_charge_negative"])
        self.assertEqual(target_problems(4.0, 10_000), ["urgent_take_in_charge_absurd"])
        self.assertEqual(
            target_problems(MAX_TARGET_HOURS + 1, 1.0), ["take_in_charge_absurd"]
        )
        self.assertEqual(target_problems(MAX_TARGET_HOURS, MAX_TARGET_HOURS), [])
