from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..rules import renewal as renewal_rules

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

RENEWAL_POLICIES = [
    (renewal_rules.ANNIVERSARY, "Yearly from the start date"),
    (renewal_rules.CALENDAR_YEAR, "Every 31 December"),
]


class ProductTemplate(models.Model):
    """The service a product sells and how its contract lines renew."""

    _inherit = "product.template"

    service_kind = fields.Selection(
        selection=SERVICE_KINDS,
        help="What the customer buys; contract lines of this product show it "
        "in the customer's services.",
    )
    renewal_policy = fields.Selection(
        selection=RENEWAL_POLICIES,
        help="Tacit renewal of the contract lines of this product: every year "
        "from their registration or transfer date, or every 31 December. "
        "Empty: OCA contract's own renewal rules.",
    )
    notice_days = fields.Integer(
        string="Notice (days)",
        default=renewal_rules.DEFAULT_NOTICE_DAYS,
        help="A cancellation must be received at least these days before the "
        "end of the period, otherwise the renewal is due.",
    )

    @api.constrains("notice_days")
    def _check_notice_days(self):
        for template in self:
            if template.notice_days < 0:
                raise ValidationError(
                    self.env._(
                        "Product %(product)s: the notice days cannot be negative.",
                        product=template.display_name,
                    )
                )

    # -- reactivation fee (issue 7) --
    def _support_sale_taxes(self, company):
        """The product's sales taxes usable in ``company``."""
        companies = company | company.parent_ids
        return self.sudo().taxes_id.filtered(
            lambda tax: tax.company_id in companies and tax.type_tax_use == "sale"
        )

    def _check_support_reactivation_fee(self, company):
        """A reactivation fee is never negative and carries the company's VAT."""
        for product in self:
            if product.list_price < 0:
                raise ValidationError(
                    _(
                        "The reactivation fee %(product)s cannot be negative.",
                        product=product.display_name,
                    )
                )
            if company.account_sale_tax_id and not product._support_sale_taxes(company):
                raise ValidationError(
                    _(
                        "The reactivation fee %(product)s has no sales tax in "
                        "company %(company)s: add its VAT (e.g. %(tax)s).",
                        product=product.display_name,
                        company=company.name,
                        tax=company.account_sale_tax_id.name,
                    )
                )

    @api.constrains("list_price", "taxes_id")
    def _check_support_reactivation_fee_product(self):
        companies = (
            self.env["res.company"]
            .sudo()
            .search(
                [
                    (
                        "support_reactivation_fee_product_id.product_tmpl_id",
                        "in",
                        self.ids,
                    )
                ]
            )
        )
        for company in companies:
            company.support_reactivation_fee_product_id.product_tmpl_id._check_support_reactivation_fee(
                company
            )

    # -- prepaid support credits (seed 003) ---------------------------------

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
                    self.env._(
                        "Credit pack %(product)s: the credits it grants cannot be "
                        "negative.",
                        product=product.display_name,
                    )
                )
            if product.support_credit_validity_days <= 0:
                raise ValidationError(
                    self.env._(
                        "Credit pack %(product)s: the credits must stay valid "
                        "for at least one day.",
                        product=product.display_name,
                    )
                )
