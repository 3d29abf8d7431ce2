from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import CoverageCase


@tagged("post_install", "-at_install")
class TestQuotes(CoverageCase):
    """Only a quote-billed extra or an exclusion goes on by quote."""

    def test_only_quote_extras_and_exclusions_are_quoted(self):
        for category in (self.cat_outage, self.cat_logs, self.cat_status):
            with self.assertRaises(UserError):
                self._ticket(category).action_create_quote()
