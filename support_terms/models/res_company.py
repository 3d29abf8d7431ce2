from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..rules.terms_templates import TEMPLATE_SELECTION
from ..rules.urgency import DEFAULT_KEYWORDS, parse_keywords


class ResCompany(models.Model):
    _inherit = "res.company"

    support_terms_template = fields.Selection(
        selection=TEMPLATE_SELECTION,
        string="Terms template",
        readonly=True,
        help="The terms template last applied to this company.",
    )
    support_urgency_keywords = fields.Char(
        string="Urgency keywords",
        default=DEFAULT_KEYWORDS,
        required=True,
        help="Words that make a request urgent when they stand in the subject of "
        "its email or portal form, comma separated; case and accents do not "
        "matter.",
    )

    @api.constrains("support_urgency_keywords")
    def _check_support_urgency_keywords(self):
        for company in self:
            if not parse_keywords(company.support_urgency_keywords):
                raise ValidationError(
                    _(
                        "Company %(company)s: give at least one urgency keyword "
                        "(e.g. URGENTE).",
                        company=company.name,
                    )
                )

    support_credit_grant_on = fields.Selection(
        selection=[("paid", "Invoice paid"), ("posted", "Invoice posted")],
        string="Grant credits when",
        default="paid",
        required=True,
        help="When a credit pack invoice grants its credits.",
    )
    support_credit_allow_overdraft = fields.Boolean(
        string="Charge missing credits",
        help="Charging more credits than the customer has left is refused; "
        "with this option the missing credits become a fixed-fee charge.",
    )
    support_credit_overdraft_product_id = fields.Many2one(
        comodel_name="product.product",
        string="Product for missing credits",
        help="Billed once per missing credit.",
    )
    support_channel_fee_product_id = fields.Many2one(
        comodel_name="product.product",
        string="Fee for a channel outside the plan",
        help="Billed for a request received on a channel the customer's plan "
        "does not include.",
    )
