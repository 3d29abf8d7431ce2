from odoo import fields, models

from ..terms_templates import TEMPLATE_SELECTION


class ResCompany(models.Model):
    _inherit = "res.company"

    support_terms_template = fields.Selection(
        TEMPLATE_SELECTION,
        string="Terms template",
        readonly=True,
        help="The terms template last applied to this company.",
    )
