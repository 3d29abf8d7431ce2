from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    support_auto_close_without_plan = fields.Boolean(
        related="company_id.support_auto_close_without_plan", readonly=False
    )
