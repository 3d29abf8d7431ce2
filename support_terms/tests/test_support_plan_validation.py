from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import SupportTermsCase


@tagged("post_install", "-at_install")
class TestSupportPlanValidation(SupportTermsCase):
    """Bad terms of a plan are refused with a clear message; nothing is
    written. The support hours and targets are checked in support_terms_sla."""

    def _assert_refused(self, message, **values):
        plans = self.env["support.plan"]
        before = plans.search_count([])
        with self.assertRaises(ValidationError) as caught:
            plans.create(
                dict(
                    {
                        "name": "Broken",
                        "code": "BROKEN",
                        "resource_calendar_id": self.calendar.id,
                    },
                    **values,
                )
            )
        self.assertIn(message, str(caught.exception))
        self.assertEqual(plans.search_count([]), before)

    def test_refund_window_longer_than_duration(self):
        self._assert_refused(
            "longer than the plan's duration",
            duration_days=1,
            refund_window_hours=48,
        )
