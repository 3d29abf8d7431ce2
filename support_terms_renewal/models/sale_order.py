from odoo import models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def action_confirm(self):
        res = super().action_confirm()
        self._support_renew_offered()
        return res

    def _support_renew_offered(self):
        """A renewal quotation confirmed (in the portal or by staff) renews its
        service."""
        # the customer pays in the portal: only the offers of these orders
        Offer = self.env["support.renewal.offer"].sudo()
        Offer.search([("sale_order_id", "in", self.ids)])._renew()
