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
