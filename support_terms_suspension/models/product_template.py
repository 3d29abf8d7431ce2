from odoo import api, fields, models


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

    @api.constrains("list_price", "taxes_id")
    def _check_support_reactivation_fee_product(self):
        self.env["res.company"].sudo().search(
            [("support_reactivation_fee_product_id.product_tmpl_id", "in", self.ids)]
        )._check_support_reactivation_fee_product()
