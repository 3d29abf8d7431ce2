from odoo import models


class SaleOrder(models.Model):
    """A quotation of a request is linked to it by OCA's link
    (``ticket_ids``); accepting it starts the work."""

    _inherit = "sale.order"

    def action_confirm(self):
        res = super().action_confirm()
        self._support_tickets().filtered(
            lambda t: t.support_quote_state == "accepted"
        )._support_quote_accepted()
        return res

    def _action_cancel(self):
        paused = self._support_tickets().filtered("support_waiting_paused")
        res = super()._action_cancel()
        # the quote no longer waits for the customer: their clock runs again
        paused._support_waiting_resumed()
        return res

    def _support_tickets(self):
        """The requests these orders are the quotation of."""
        # the customer signs in the portal: the requests are read as
        # superuser, only those the order is the quotation of
        return (
            self.sudo()
            .ticket_ids.filtered(lambda t: t.support_quote_id in self)
            .with_env(self.env)
        )
