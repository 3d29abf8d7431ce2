from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ProductTemplate(models.Model):
    _inherit = "product.template"

    support_paid_before_activation = fields.Boolean(
        string="Paid before activation",
        help="A new service of this product waits for the payment of its first "
        "invoice: it is invoiced, grants nothing and does not renew until the "
        "customer pays, and is active from the payment date. Lines that exist "
        "already are left as they are.",
    )

    def _support_sale_taxes(self, company):
        """The product's sales taxes usable in ``company`` (its callers read
        them elevated: a company being created is not yet among its creator's
        companies)."""
        companies = company | company.parent_ids
        return self.taxes_id.filtered(
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
        self.env["res.company"].sudo().search(
            [("support_reactivation_fee_product_id.product_tmpl_id", "in", self.ids)]
        )._check_support_reactivation_fee_product()
