from odoo.addons.support_terms_coverage.tests import common

from .common import SupportTermsCase


class CoverageCase(common.CoverageCase, SupportTermsCase):
    """The coverage case, with the support hours and targets of the plans."""
