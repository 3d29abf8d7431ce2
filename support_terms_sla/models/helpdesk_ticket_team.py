from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class HelpdeskTicketTeam(models.Model):
    _inherit = "helpdesk.ticket.team"

    on_call_user_ids = fields.Many2many(
        comodel_name="res.users",
        relation="helpdesk_team_on_call_user_rel",
        column1="team_id",
        column2="user_id",
        string="On call",
        domain="[('share', '=', False)]",
        help="Notified of urgent requests that arrive out of the support hours, "
        "when the plan handles urgencies at that time.",
    )
    sla_warning_margin_hours = fields.Float(
        string="SLA warning margin (hours)",
        default=1.0,
        help="How long before an SLA deadline its assignee (or the team leader) "
        "gets an activity.",
    )

    @api.constrains("sla_warning_margin_hours")
    def _check_sla_warning_margin_hours(self):
        for team in self:
            if team.sla_warning_margin_hours < 0:
                message = _(
                    "Team %(team)s: the SLA warning margin cannot be negative.",
                    team=team.name,
                )
                raise ValidationError(message)
