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
