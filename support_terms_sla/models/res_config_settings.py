from odoo import api, fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    support_urgency_keywords = fields.Char(
        related="company_id.support_urgency_keywords", readonly=False
    )
    support_teams_without_on_call = fields.Char(
        string="Teams without on-call staff",
        compute="_compute_support_teams_without_on_call",
        help="Teams of the company with nobody on call: their urgencies out of "
        "hours go to the team leader, else its members, else the support "
        "managers.",
    )

    @api.depends("company_id")
    def _compute_support_teams_without_on_call(self):
        # teams are read by every internal user, administrators included
        teams = self.env["helpdesk.ticket.team"]
        for settings in self:
            missing = teams.search(
                [
                    ("company_id", "in", [settings.company_id.id, False]),
                    ("on_call_user_ids", "=", False),
                ]
            )
            settings.support_teams_without_on_call = ", ".join(missing.mapped("name"))
