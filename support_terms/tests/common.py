from odoo.addons.support_terms_sla.tests.common import SlaCase


class SupportTermsCase(SlaCase):
    """The base case with a calendar and the PREMIUM and BASIC plans, as the
    app's tests use them: every feature of the terms is installed.

    Everything is created here, on the real database: no demo data is assumed.
    """
