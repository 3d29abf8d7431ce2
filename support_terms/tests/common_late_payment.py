from odoo.addons.support_terms_suspension.tests.common import (
    DUE,
)
from odoo.addons.support_terms_suspension.tests.common import (
    LatePaymentCase as SuspensionCase,
)

from .common import SupportTermsCase

__all__ = ["DUE", "LatePaymentCase"]


class LatePaymentCase(SuspensionCase, SupportTermsCase):
    """The late payment case of support_terms_suspension, with the calendar
    and the plans of the application."""
