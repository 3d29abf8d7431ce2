from odoo import fields, models


class HelpdeskTicketStage(models.Model):
    _inherit = "helpdesk.ticket.stage"

    waiting_customer = fields.Boolean(
        string="Waiting for the customer",
        help="Tickets in this stage wait for the customer's reply: the "
        "automatic closing clock runs from the moment they enter it or staff "
        "last answered the customer.",
    )
