from psycopg2 import IntegrityError

from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_coverage import CoverageCase


@tagged("post_install", "-at_install")
class TestUnjustifiedUrgencyCharge(CoverageCase):
    """An urgency reviewed as unjustified is charged with the plan's fee:
    urgencies and charges together."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.urgency_fee = cls._create_product("Unjustified urgency", cls.company)
        cls.urgency_fee.lst_price = 40.0
        cls.plan_basic.urgency_fee_product_id = cls.urgency_fee

    def test_unjustified_urgency_charged_once(self):
        ticket = self._ticket(self.cat_outage, is_urgent=True)
        self.assertEqual(ticket.urgency_review, "to_review")
        ticket.urgency_review = "unjustified"
        charge = ticket.support_charge_ids
        self.assertEqual(len(charge), 1)
        self.assertEqual(charge.kind, "urgency")
        self.assertEqual(charge.product_id, self.urgency_fee)
        self.assertEqual(charge.price_unit, 40.0)
        self.assertEqual(charge.partner_id, self.customer)
        # reviewed again: still one charge
        ticket.urgency_review = "justified"
        ticket.urgency_review = "unjustified"
        self.assertEqual(len(ticket.support_charge_ids), 1)
        # and the database refuses a second one whatever creates it
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                charge.copy()
                self.env.flush_all()
