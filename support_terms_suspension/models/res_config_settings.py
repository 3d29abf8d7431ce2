from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    support_overdue_suspension = fields.Boolean(
        related="company_id.support_overdue_suspension", readonly=False
    )
    support_overdue_grace_days = fields.Integer(
        related="company_id.support_overdue_grace_days", readonly=False
    )
    support_suspension_email = fields.Boolean(
        related="company_id.support_suspension_email", readonly=False
    )
    support_reactivation_fee_product_id = fields.Many2one(
        related="company_id.support_reactivation_fee_product_id", readonly=False
    )
    support_reactivation_fee_state = fields.Selection(
        related="company_id.support_reactivation_fee_state", readonly=False
    )
    support_late_payment_months = fields.Integer(
        related="company_id.support_late_payment_months", readonly=False
    )
    support_do_not_renew_threshold = fields.Integer(
        related="company_id.support_do_not_renew_threshold", readonly=False
    )
    support_late_payment_since = fields.Date(
        related="company_id.support_late_payment_since"
    )
