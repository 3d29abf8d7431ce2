from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..rules import renewal as renewal_rules

RENEWAL_POLICIES = [
    (renewal_rules.ANNIVERSARY, "Yearly from the start date"),
    (renewal_rules.CALENDAR_YEAR, "Every 31 December"),
]


class ProductTemplate(models.Model):
    """How the contract lines of a product renew."""

    _inherit = "product.template"

    renewal_policy = fields.Selection(
        RENEWAL_POLICIES,
        help="Tacit renewal of the contract lines of this product: every year "
        "from their registration or transfer date, or every 31 December. "
        "Empty: OCA contract's own renewal rules.",
    )
    renewal_by_choice = fields.Boolean(
        "Renewed by the customer's choice",
        help="Its services are not renewed tacitly: before their end the "
        "account manager is asked to contact the customer, who gets a "
        "quotation for the next period to sign and pay in the portal. Not "
        "confirmed by the end, the service ends on its day.",
    )
    notice_days = fields.Integer(
        "Notice (days)",
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
