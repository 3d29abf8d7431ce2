from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    support_tz = fields.Selection(related="company_id.support_tz", readonly=False)
