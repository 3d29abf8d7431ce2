from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..rules.late_payment import settings_problems
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

    support_renewal_reminder_days = fields.Integer(
        string="Renewal reminder (days)",
        default=30,
        help="Days before the last day to cancel a service at which the "
        "customer is reminded (support plans use their own).",
    )
    support_notice_registered_mail = fields.Boolean(
        string="Cancellation by registered mail",
        default=True,
        help="A cancellation notice sent by registered letter with return "
        "receipt is valid.",
    )
    support_notice_pec = fields.Boolean(
        string="Cancellation by PEC",
        default=True,
        help="A cancellation notice sent by certified email (PEC) is valid.",
    )
    support_notice_portal = fields.Boolean(
        string="Cancellation from the portal",
        help="A cancellation requested in the customer portal is valid by "
        "itself; otherwise the portal tells the customer how to send it.",
    )
    support_notice_email = fields.Boolean(
        string="Cancellation by email",
        help="A cancellation notice sent by plain email is valid.",
    )

    support_notice_judged_on = fields.Selection(
        selection=[
            ("sent", "The day it was sent"),
            ("received", "The day it was received"),
        ],
        string="Notice deadline judged on",
        default="sent",
        required=True,
        help="Sent: a cancellation posted (postmark, PEC acceptance, portal "
        "request) by the last day to cancel is on time, whenever it arrives, "
        "as terms saying it must be sent by then mean. Received: it must "
        "reach you by that day.",
    )

    support_notice_channels_label = fields.Char(
        string="Valid cancellation channels",
        compute="_compute_support_notice_channels_label",
    )

    @api.depends(
        "support_notice_registered_mail",
        "support_notice_pec",
        "support_notice_portal",
        "support_notice_email",
    )
    @api.depends_context("lang")
    def _compute_support_notice_channels_label(self):
        notice_model = self.env["support.cancellation.notice"]
        labels = dict(notice_model._fields["channel"]._description_selection(self.env))
        for company in self:
            company.support_notice_channels_label = _(" or ").join(
                labels[channel] for channel in company._support_notice_channels()
            )

    def _support_notice_channels(self):
        """The channels by which this company accepts a cancellation."""
        self.ensure_one()
        flags = [
            ("registered_mail", self.support_notice_registered_mail),
            ("pec", self.support_notice_pec),
            ("portal", self.support_notice_portal),
            ("email", self.support_notice_email),
        ]
        return [channel for channel, accepted in flags if accepted]

    @api.constrains("support_renewal_reminder_days")
    def _check_support_renewal_reminder_days(self):
        for company in self:
            if company.support_renewal_reminder_days < 0:
                raise ValidationError(
                    _("The renewal reminder days cannot be negative.")
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

    # Late payment (seed 000): suspension, reactivation fee, repeat late payers.
    # Off until the company turns them on (Settings or a terms template):
    # installing the addon on a live database changes nobody's services.
    support_overdue_suspension = fields.Boolean(
        string="Suspend overdue customers",
        help="Suspend the services of customers with an invoice unpaid after its "
        "due date and the grace days.",
    )
    support_auto_close_without_plan = fields.Boolean(
        string="Close requests without a plan",
        help="Requests of customers without a support plan close after the days "
        "of their team without a reply; requests with a plan follow their plan.",
    )
    support_overdue_grace_days = fields.Integer(
        string="Grace days before suspension",
        default=0,
        help="Days after an invoice's due date before its services are suspended; "
        "0 suspends the day after the due date.",
    )
    support_suspension_email = fields.Boolean(
        string="Email the customer on suspension",
        default=True,
    )
    support_reactivation_fee_product_id = fields.Many2one(
        comodel_name="product.product",
        string="Reactivation fee product",
        help="Invoiced once when the services suspended for an overdue payment are "
        "reactivated; empty: no fee.",
    )
    support_reactivation_fee_state = fields.Selection(
        selection=[("posted", "Posted"), ("draft", "Draft")],
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
        default=2,
        help="A customer with this many late payments in the window is marked do "
        "not renew; 0: only by hand.",
    )

    @api.constrains(
        "support_overdue_grace_days",
        "support_late_payment_months",
        "support_do_not_renew_threshold",
    )
    def _check_support_late_payment_settings(self):
        messages = {
            "grace_negative": self.env._("the grace days cannot be negative"),
            "window": self.env._("the late payments window is at least one month"),
            "threshold_negative": self.env._(
                "the late payments before do not renew cannot be negative"
            ),
        }
        for company in self:
            problems = settings_problems(
                company.support_overdue_grace_days,
                company.support_late_payment_months,
                company.support_do_not_renew_threshold,
            )
            if problems:
                raise ValidationError(
                    _(
                        "Company %(company)s: %(problems)s.",
                        company=company.name,
                        problems="; ".join(messages[p] for p in problems),
                    )
                )

    @api.constrains("support_reactivation_fee_product_id")
    def _check_support_reactivation_fee_product(self):
        # sudo and no with_company: a company being created is not yet among
        # its creator's companies, and the check only reads the product's
        # price and taxes (filtered by company in _support_sale_taxes)
        for company in self.sudo().filtered("support_reactivation_fee_product_id"):
            company.support_reactivation_fee_product_id.product_tmpl_id._check_support_reactivation_fee(
                company
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
