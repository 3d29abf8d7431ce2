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
