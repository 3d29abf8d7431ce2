from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    service_kind = fields.Selection(
        selection_add=[("web_design", "Web design project")],
        ondelete={"web_design": "set null"},
    )
