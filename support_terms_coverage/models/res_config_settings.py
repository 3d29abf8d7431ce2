from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    support_credit_grant_on = fields.Selection(
        related="company_id.support_credit_grant_on", readonly=False
    )
    support_credit_allow_overdraft = fields.Boolean(
        related="company_id.support_credit_allow_overdraft", readonly=False
    )
    support_credit_overdraft_product_id = fields.Many2one(
        related="company_id.support_credit_overdraft_product_id", readonly=False
    )
    support_channel_fee_product_id = fields.Many2one(
        related="company_id.support_channel_fee_product_id", readonly=False
    )
    support_no_plan_mode = fields.Selection(
        related="company_id.support_no_plan_mode", readonly=False
    )
    support_no_plan_product_id = fields.Many2one(
        related="company_id.support_no_plan_product_id", readonly=False
    )
