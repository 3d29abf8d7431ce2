from odoo.tests import BaseCase, tagged

from odoo.addons.support_terms_plan.rules import plan as plan_rules


@tagged("post_install", "-at_install")
class TestPlanRules(BaseCase):
    """The plan rules on plain values, without the ORM."""

    def test_first_plan_by_sequence_then_id(self):
        self.assertEqual(plan_rules.first_plan([(10, 1), (5, 7), (5, 3)]), 3)
        self.assertIsNone(plan_rules.first_plan([]))
