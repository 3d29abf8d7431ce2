from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    support_team_id = fields.Many2one(
        related="company_id.support_team_id", readonly=False
    )
