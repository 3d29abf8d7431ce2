from odoo import fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    support_ticket_id = fields.Many2one(
        comodel_name="helpdesk.ticket",
        string="Support ticket",
        index="btree_not_null",
        copy=False,
        readonly=True,
        help="The request this quotation prices; work starts once accepted.",
    )

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
        # the customer signs in the portal: the request is read as superuser,
        # only the one the order was created for
        return (
            self.sudo()
            .support_ticket_id.filtered(lambda t: t.support_quote_id in self)
            .with_env(self.env)
        )
