from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class SupportPlan(models.Model):
    """How long a plan's requests wait for the customer before closing."""

    _inherit = "support.plan"

    auto_close_days = fields.Integer(
        string="Auto-close after (days)",
        default=7,
        tracking=True,
        help="Days without a reply from the customer after which a ticket "
        "waiting for it is closed. 0: never.",
    )
    auto_close_warning_days = fields.Integer(
        string="Warn before closing (days)",
        default=2,
        help="Days before the automatic closing at which the customer is warned.",
    )

    @api.constrains("auto_close_days", "auto_close_warning_days")
    def _check_auto_close(self):
        for plan in self:
            problem = None
            days, warning_days = plan.auto_close_days, plan.auto_close_warning_days
            if days < 0 or warning_days < 0:
                problem = _("The auto-close and warning days cannot be negative.")
            elif days and warning_days >= days:
                problem = _(
                    "The customer must be warned fewer days before the automatic "
                    "closing than the closing delay itself."
                )
            if problem:
                raise ValidationError(
                    _("Plan %(plan)s: %(problem)s", plan=plan.name, problem=problem)
                )
