from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .helpdesk_ticket import IMPACT_SELECTION


class HelpdeskSla(models.Model):
    """SLAs that follow the customer's plan, on the plan's hours."""

    _inherit = "helpdesk.sla"

    resource_calendar_id = fields.Many2one(
        comodel_name="resource.calendar",
        string="Working hours",
        help="Deadlines are counted in these hours, their public holidays and "
        "time zone, instead of the team's.",
    )
    support_plan_ids = fields.Many2many(
        comodel_name="support.plan",
        relation="helpdesk_sla_support_plan_rel",
        column1="sla_id",
        column2="plan_id",
        string="Support plans",
        help="The SLA applies to requests of these plans only. Empty: any.",
    )
    minutes = fields.Integer(
        help="Added to the days and hours: a first answer within 10 minutes."
    )
    urgency = fields.Selection(
        selection=[
            ("any", "Any request"),
            ("urgent", "Urgent requests"),
            ("normal", "Normal requests"),
        ],
        default="any",
        required=True,
    )
    impact = fields.Selection(
        selection=[("any", "Any impact")] + IMPACT_SELECTION,
        default="any",
        required=True,
        help="The SLA applies to requests of this impact only (e.g. a shorter "
        "target when the service is down).",
    )

    @api.constrains("resource_calendar_id", "minutes", "hours", "days")
    def _check_resource_calendar_id(self):
        for sla in self:
            if min(sla.minutes, sla.hours, sla.days) < 0:
                raise ValidationError(
                    _("SLA %(sla)s: its target cannot be negative.", sla=sla.name)
                )
            calendar = sla.resource_calendar_id
            if calendar and not calendar._support_has_working_hours():
                message = _(
                    "SLA %(sla)s: the calendar %(calendar)s has no working "
                    "hours, so no deadline can be computed on it.",
                    sla=sla.name,
                    calendar=calendar.name,
                )
                raise ValidationError(message)
