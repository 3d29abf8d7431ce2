from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    # Late payment: suspension, reactivation fee, repeat late payers.
    # Off until the company turns them on (Settings or a terms template):
    # installing the addon on a live database changes nobody's services.
    support_overdue_suspension = fields.Boolean(
        string="Suspend overdue customers",
        help="Suspend the services of customers with an invoice unpaid after its "
        "due date and the grace days.",
    )
    support_overdue_grace_days = fields.Integer(
        string="Grace days before suspension",
        help="Days after an invoice's due date before its services are suspended; "
        "0 suspends the day after the due date.",
    )
    support_suspension_email = fields.Boolean(
        string="Email the customer on suspension",
        default=True,
    )
    support_reactivation_fee_product_id = fields.Many2one(
        "product.product",
        string="Reactivation fee product",
        help="Invoiced once when the services suspended for an overdue payment are "
        "reactivated; empty: no fee.",
    )
    support_reactivation_fee_state = fields.Selection(
        [("posted", "Posted"), ("draft", "Draft")],
        string="Reactivation fee invoice",
        default="posted",
        required=True,
    )
    support_late_payment_months = fields.Integer(
        string="Late payments window (months)",
        default=24,
        help="Invoices paid after their due date within these last months make a "
        "customer a repeat late payer.",
    )
    support_do_not_renew_threshold = fields.Integer(
        string="Late payments before do not renew",
        help="A customer with this many late payments in the window is marked do "
        "not renew; 0: only by hand, and late payments are not counted.",
    )
    support_late_payment_since = fields.Date(
        string="Late payments counted since",
        readonly=True,
        copy=False,
        help="The day the company turned on the counting of late payments (a "
        "threshold above 0): only payments made from this day count, never "
        "those made before it chose to count them.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        # a new company has no day of its own yet: the current one
        today = self.env.company._support_today()
        for vals in vals_list:
            if vals.get("support_do_not_renew_threshold", 0) > 0:
                vals.setdefault("support_late_payment_since", today)
        return super().create(vals_list)

    def write(self, vals):
        """Turning the threshold on (from 0) starts the count that day; turning
        it off forgets the day; changing it keeps the day."""
        if (
            "support_do_not_renew_threshold" not in vals
            or "support_late_payment_since" in vals
        ):
            return super().write(vals)
        if (vals["support_do_not_renew_threshold"] or 0) <= 0:
            return super().write(dict(vals, support_late_payment_since=False))
        starting = self.filtered(lambda company: not company.support_late_payment_since)
        result = super(ResCompany, self - starting).write(vals)
        for company in starting:
            super(ResCompany, company).write(
                dict(vals, support_late_payment_since=company._support_today())
            )
        return result

    @api.constrains(
        "support_overdue_grace_days",
        "support_late_payment_months",
        "support_do_not_renew_threshold",
    )
    def _check_support_late_payment_settings(self):
        for company in self:
            problems = []
            if company.support_overdue_grace_days < 0:
                problems.append(_("the grace days cannot be negative"))
            if company.support_late_payment_months < 1:
                problems.append(_("the late payments window is at least one month"))
            if company.support_do_not_renew_threshold < 0:
                problems.append(
                    _("the late payments before do not renew cannot be negative")
                )
            if problems:
                raise ValidationError(
                    _(
                        "Company %(company)s: %(problems)s.",
                        company=company.name,
                        problems="; ".join(problems),
                    )
                )

    @api.constrains("support_reactivation_fee_product_id")
    def _check_support_reactivation_fee_product(self):
        """A reactivation fee is never negative and carries the company's VAT."""
        # sudo and no with_company: a company being created is not yet among
        # its creator's companies, and the check only reads the product's
        # price and taxes (filtered by company in _support_sale_taxes)
        for company in self.sudo().filtered("support_reactivation_fee_product_id"):
            product = company.support_reactivation_fee_product_id.product_tmpl_id
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
