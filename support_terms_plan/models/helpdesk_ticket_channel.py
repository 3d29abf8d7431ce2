from odoo import fields, models


class HelpdeskTicketChannel(models.Model):
    _inherit = "helpdesk.ticket.channel"

    # channels are free-text records, one set per company: the kind tells the
    # rules which channel a plan means whatever the record is called
    support_kind = fields.Selection(
        [
            ("email", "Email"),
            ("portal", "Customer portal"),
            ("chat", "Chat"),
            ("phone", "Phone"),
            ("remote", "Remote assistance"),
            ("other", "Other"),
        ],
        string="Kind",
        index=True,
        help="What this channel is, for the support plans that allow it.",
    )
