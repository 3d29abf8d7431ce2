from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    support_credit_grant_on = fields.Selection(
        selection=[("paid", "Invoice paid"), ("posted", "Invoice posted")],
        string="Grant credits when",
        default="paid",
        required=True,
        help="When a credit pack invoice grants its credits.",
    )
    support_credit_allow_overdraft = fields.Boolean(
        string="Charge missing credits",
        help="Charging more credits than the customer has left is refused; "
        "with this option the missing credits become a fixed-fee charge.",
    )
    support_credit_overdraft_product_id = fields.Many2one(
        comodel_name="product.product",
        string="Product for missing credits",
        help="Billed once per missing credit.",
    )
    support_channel_fee_product_id = fields.Many2one(
        comodel_name="product.product",
        string="Fee for a channel outside the plan",
        help="Billed for a request received on a channel the customer's plan "
        "does not include.",
    )
