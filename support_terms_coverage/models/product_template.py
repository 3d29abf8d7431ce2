from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ProductTemplate(models.Model):
    _inherit = "product.template"

    support_credit_pack = fields.Boolean(
        string="Support credit pack",
        compute="_compute_support_credit_pack",
        store=True,
        readonly=False,
        help="Invoiced and paid (or posted, per the company's setting), this "
        "product grants prepaid support credits to the customer.",
    )
    support_credits = fields.Float(
        string="Credits granted",
        digits=(16, 2),
        help="Credits granted per unit invoiced.",
    )
    support_credit_validity_days = fields.Integer(
        string="Credit validity (days)",
        default=365,
        help="Days from the invoice date during which the credits can be used; "
        "what is left then expires. Credits are not refundable.",
    )

    @api.depends("service_kind")
    def _compute_support_credit_pack(self):
        for template in self:
            template.support_credit_pack = template.service_kind == "credit_pack"

    @api.constrains(
        "support_credit_pack", "support_credits", "support_credit_validity_days"
    )
    def _check_support_credit_pack(self):
        for product in self.filtered("support_credit_pack"):
            if product.support_credits < 0:
                raise ValidationError(
                    _(
                        "Credit pack %(product)s: the credits it grants cannot be "
                        "negative.",
                        product=product.display_name,
                    )
                )
            if product.support_credit_validity_days <= 0:
                raise ValidationError(
                    _(
                        "Credit pack %(product)s: the credits must stay valid "
                        "for at least one day.",
                        product=product.display_name,
                    )
                )
