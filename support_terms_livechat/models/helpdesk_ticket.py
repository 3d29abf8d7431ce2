from odoo import fields, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    support_chat_id = fields.Many2one(
        "discuss.channel",
        string="Chat",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
    )

    def _support_system_fields(self):
        return super()._support_system_fields() | {"support_chat_id"}
