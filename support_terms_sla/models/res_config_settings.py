from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    support_urgency_keywords = fields.Char(
        related="company_id.support_urgency_keywords", readonly=False
    )
