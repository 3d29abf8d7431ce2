from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

# A take-in-charge target above a month of round-the-clock hours is a typo,
# not a promise any provider makes.
MAX_TARGET_HOURS = 24 * 31


class SupportPlan(models.Model):
    """Support hours, take-in-charge targets and urgencies of a plan."""

    _inherit = "support.plan"

    resource_calendar_id = fields.Many2one(
        comodel_name="resource.calendar",
        string="Support hours",
        required=True,
        default=lambda self: self.env.company.resource_calendar_id,
        check_company=True,
        tracking=True,
        help="When requests are handled, with the public holidays and the "
        "time zone of this calendar (e.g. Mon-Fri 15:00-18:00, Europe/Rome).",
    )
    urgent_calendar_id = fields.Many2one(
        comodel_name="resource.calendar",
        string="Urgent hours",
        check_company=True,
        tracking=True,
        help="When urgent requests are handled (e.g. every day 00:00-24:00). "
        "Empty: urgent requests are handled first, in the support hours.",
    )
    take_in_charge_hours = fields.Float(
        string="Take-in-charge target",
        tracking=True,
        help="Working hours of the support calendar within which a request "
        "is taken in charge. 0: no promise.",
    )
    urgent_take_in_charge_hours = fields.Float(
        string="Urgent take-in-charge target",
        tracking=True,
        help="Working hours of the urgent calendar within which an urgent "
        "request is taken in charge. 0: no promise.",
    )
    urgency_fee_product_id = fields.Many2one(
        comodel_name="product.product",
        string="Unjustified urgency fee",
        check_company=True,
        help="Billed when staff review an urgency handled with priority as "
        "unjustified.",
    )
    impact_priority = fields.Boolean(
        string="Priority by impact",
        tracking=True,
        help="Requests that make the service wholly unusable come first: the "
        "impact the customer or staff choose sets the request's priority "
        "(service down highest).",
    )
    urgency_terms = fields.Text(
        translate=True,
        help="What the customer reads beside the Urgent choice of the portal "
        "form: when urgencies are handled and what an unjustified one costs.",
    )

    support_next_holiday_ids = fields.Many2many(
        comodel_name="resource.calendar.leaves",
        string="Next holidays",
        compute="_compute_support_next_holiday_ids",
        # staff's: every internal user reads the calendars' global leaves
        groups="base.group_user",
        help="The next days off of the support hours (public holidays, patron "
        "day, closures).",
    )

    @api.depends("resource_calendar_id")
    def _compute_support_next_holiday_ids(self):
        leaves = self.env["resource.calendar.leaves"]
        for plan in self:
            calendar = plan.resource_calendar_id
            plan.support_next_holiday_ids = calendar.id and leaves.search(
                [
                    ("calendar_id", "=", calendar.id),
                    ("resource_id", "=", False),
                    ("date_to", ">=", fields.Datetime.now()),
                ],
                order="date_from",
                limit=5,
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("resource_calendar_id"):
                # the support hours of the plan's own company, by default
                company = self.env["res.company"].browse(vals.get("company_id"))
                calendar = (company or self.env.company).resource_calendar_id
                vals["resource_calendar_id"] = calendar.id
        return super().create(vals_list)

    @api.constrains("take_in_charge_hours", "urgent_take_in_charge_hours")
    def _check_targets(self):
        for plan in self:
            problem = None
            if plan.take_in_charge_hours < 0:
                problem = _("The take-in-charge target cannot be negative.")
            elif plan.take_in_charge_hours > MAX_TARGET_HOURS:
                problem = _(
                    "A take-in-charge target of more than %(max)s working hours is "
                    "not a target.",
                    max=MAX_TARGET_HOURS,
                )
            elif plan.urgent_take_in_charge_hours < 0:
                problem = _("The urgent take-in-charge target cannot be negative.")
            elif plan.urgent_take_in_charge_hours > MAX_TARGET_HOURS:
                problem = _(
                    "An urgent take-in-charge target of more than %(max)s working "
                    "hours is not a target.",
                    max=MAX_TARGET_HOURS,
                )
            if problem:
                raise ValidationError(
                    _("Plan %(plan)s: %(problem)s", plan=plan.name, problem=problem)
                )

    @api.constrains("resource_calendar_id", "urgent_calendar_id")
    def _check_calendars(self):
        for plan in self:
            for calendar in plan.resource_calendar_id | plan.urgent_calendar_id:
                if not calendar._support_has_working_hours():
                    message = _(
                        "Plan %(plan)s: the calendar %(calendar)s has no "
                        "working hours, so no deadline can be computed on it.",
                        plan=plan.name,
                        calendar=calendar.name,
                    )
                    raise ValidationError(message)
