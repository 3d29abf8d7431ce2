from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    support_team_id = fields.Many2one(
        related="company_id.support_team_id", readonly=False
    )
    support_duplicate_days = fields.Integer(
        related="company_id.support_duplicate_days", readonly=False
    )
