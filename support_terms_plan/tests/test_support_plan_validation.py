from psycopg2 import IntegrityError

from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SupportPlanCase


@tagged("post_install", "-at_install")
class TestSupportPlanValidation(SupportPlanCase):
    """Bad plan settings are refused; nothing is written."""

    @mute_logger("odoo.sql_db")
    def test_code_unique_in_company(self):
        with self.assertRaises(IntegrityError):
            self._create_plan("BASIC", self.product_hosting)
