from odoo import api, models


class SaleOrder(models.Model):
    """A quotation of a request is linked to it by OCA's link
    (``ticket_ids``); accepting it starts the work."""

    _inherit = "sale.order"

    @api.model_create_multi
    def create(self, vals_list):
        commands = [vals["ticket_ids"] for vals in vals_list if "ticket_ids" in vals]
        quotes = self.browse()._support_quotes_before(commands)
        orders = super().create(vals_list)
        self.env["helpdesk.ticket"]._check_quote_kept(quotes)
        return orders

    def write(self, vals):
        commands = [vals["ticket_ids"]] if "ticket_ids" in vals else []
        quotes = self._support_quotes_before(commands)
        res = super().write(vals)
        self.env["helpdesk.ticket"]._check_quote_kept(quotes)
        return res

    def _support_quotes_before(self, commands_list):
        """``{request: quotation}`` of every request a user's link or unlink
        from the sales order's side may touch, before it: the request's rule
        (a link does not change its quotation) holds from this side too."""
        if self.env.su or not commands_list:
            return {}
        ids = set()
        for commands in commands_list:
            for command in commands:
                if command[0] in (1, 2, 3, 4):
                    ids.add(command[1])
                elif command[0] == 6:
                    ids.update(command[2])
        # sudo: a salesperson may link requests they do not read; what is
        # read is only the quotation the terms recorded
        orders = self.sudo()
        tickets = orders.env["helpdesk.ticket"].browse(ids) | orders.ticket_ids
        return {ticket: ticket.support_quote_id for ticket in tickets.exists()}

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
        tickets = self.sudo().ticket_ids.filtered(lambda t: t.support_quote_id in self)
        return tickets.with_env(self.env)
