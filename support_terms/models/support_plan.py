from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class SupportPlan(models.Model):
    """The term of a plan sold as a service: how long it lasts, when its
    purchase is refunded, when the customer is reminded of its renewal."""

    _inherit = "support.plan"

    duration_days = fields.Integer(
        string="Duration (days)",
        default=365,
        help="How long a purchased plan lasts.",
    )
    refund_window_hours = fields.Integer(
        string="Refund window (hours)",
        help="A plan cancelled within these hours from its purchase is refunded "
        "in full. 0: never refunded.",
    )
    renewal_reminder_days = fields.Integer(
        string="Renewal reminder (days)",
        default=30,
        help="Days before the end of the plan (or the last day to cancel it) at "
        "which the customer is reminded.",
    )

    @api.constrains("duration_days", "refund_window_hours", "renewal_reminder_days")
    def _check_term(self):
        for plan in self:
            problem = None
            if plan.duration_days <= 0:
                problem = _("A plan must last at least one day.")
            elif plan.refund_window_hours < 0:
                problem = _("The refund window cannot be negative.")
            elif plan.refund_window_hours > plan.duration_days * 24:
                problem = _(
                    "The refund window cannot be longer than the plan's duration."
                )
            elif plan.renewal_reminder_days < 0:
                problem = _("The renewal reminder days cannot be negative.")
            elif plan.renewal_reminder_days >= plan.duration_days:
                problem = _(
                    "The renewal reminder must come within the plan's duration."
                )
            if problem:
                raise ValidationError(
                    _("Plan %(plan)s: %(problem)s", plan=plan.name, problem=problem)
                )
