from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..rules.plan_term import term_problems


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
        messages = {
            "duration_not_positive": _("A plan must last at least one day."),
            "refund_window_negative": _("The refund window cannot be negative."),
            "refund_window_too_long": _(
                "The refund window cannot be longer than the plan's duration."
            ),
            "renewal_reminder_negative": _(
                "The renewal reminder days cannot be negative."
            ),
            "renewal_reminder_too_long": _(
                "The renewal reminder must come within the plan's duration."
            ),
        }
        for plan in self:
            problems = term_problems(
                plan.duration_days, plan.refund_window_hours, plan.renewal_reminder_days
            )
            if problems:
                raise ValidationError(
                    _(
                        "Plan %(plan)s: %(problem)s",
                        plan=plan.name,
                        problem=messages[problems[0]],
                    )
                )
