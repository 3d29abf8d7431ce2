from odoo import fields, models

SERVICE_KINDS = [
    ("hosting", "Hosting"),
    ("domain", "Domain"),
    ("pec", "Certified email (PEC)"),
    ("showcase", "Company showcase"),
    ("banner", "Advertising banner"),
    ("support_plan", "Support plan"),
    ("credit_pack", "Credit pack"),
    ("other", "Other"),
]


class ProductTemplate(models.Model):
    _inherit = "product.template"

    service_kind = fields.Selection(
        SERVICE_KINDS,
        help="What the customer buys; contract lines of this product show it "
        "in the customer's services.",
    )
