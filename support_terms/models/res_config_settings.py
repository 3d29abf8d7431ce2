from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    support_terms_template = fields.Selection(
        related="company_id.support_terms_template",
    )
