from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    support_credit_grant_on = fields.Selection(
        [("paid", "Invoice paid"), ("posted", "Invoice posted")],
        string="Grant credits when",
        default="paid",
        required=True,
    )
    support_credit_allow_overdraft = fields.Boolean(
        string="Charge missing credits",
        help="Charging more credits than the customer has left is refused; "
        "with this option the missing credits become a fixed-fee charge.",
    )
    support_credit_overdraft_product_id = fields.Many2one(
        "product.product",
        string="Product for missing credits",
        help="Billed once per missing credit.",
    )
    support_channel_fee_product_id = fields.Many2one(
        "product.product",
        string="Fee for a channel outside the plan",
        help="Billed for a request received on a channel the customer's plan "
        "does not include.",
    )
    support_no_plan_mode = fields.Selection(
        [
            ("paid_support", "Paid support, staff decide"),
            ("quote", "Quote before work"),
            ("fixed_fee", "Fixed fee per request"),
            ("refuse", "Customers only: refuse the others"),
        ],
        string="Requests without a plan",
        default="paid_support",
        required=True,
        help="What happens when a request arrives from somebody without a "
        "support plan in force, whatever way it arrives (email, portal, "
        "staff): staff decide case by case; the work waits for a quote the "
        "customer accepts; a fixed fee is charged per request; or the request "
        "is refused and closed when it does not come from a customer with a "
        "service in force. Except for the first, the requester is told by "
        "email before any work.",
    )
    support_no_plan_product_id = fields.Many2one(
        "product.product",
        string="Fee for a request without a plan",
        help="Charged once per request without a plan (fixed fee), or "
        "proposed in its quotation.",
    )

    @api.constrains("support_no_plan_mode", "support_no_plan_product_id")
    def _check_support_no_plan_product(self):
        for company in self.filtered(lambda c: c.support_no_plan_mode == "fixed_fee"):
            if not company.support_no_plan_product_id:
                raise ValidationError(
                    _(
                        "Choose the product charged for each request without a "
                        "plan first."
                    )
                )
