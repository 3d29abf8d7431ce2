from odoo.addons.support_terms_renewal.tests import common as renewal_common

from .common import SupportTermsCase


class RenewalCase(SupportTermsCase, renewal_common.RenewalCase):
    """The renewal addon's case with a support plan sold as a service: its
    term (duration, refund window, reminder) is the plan's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan_product = cls._service_product(
            "Piano di assistenza", "support_plan", "anniversary"
        )
        cls.plan_assistance = cls._create_plan("ASSIST", cls.plan_product, sequence=1)
        cls.plan_assistance.write(
            {"refund_window_hours": 24, "renewal_reminder_days": 30}
        )


class CancellationNoticeCase(RenewalCase, renewal_common.CancellationNoticeCase):
    """The renewal addon's notices, on services that include a support plan."""
