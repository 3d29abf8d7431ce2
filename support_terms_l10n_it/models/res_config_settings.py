from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    support_it_law = fields.Boolean(related="company_id.support_it_law", readonly=False)
