from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class HelpdeskTicketTeam(models.Model):
    _inherit = "helpdesk.ticket.team"

    auto_close_days = fields.Integer(
        string="Auto-close after (days)",
        default=7,
        help="For requests without a support plan: days without a reply from "
        "the customer after which a waiting ticket is closed. 0: never. "
        "Requests with a plan follow their plan.",
    )
    auto_close_warning_days = fields.Integer(
        string="Warn before closing (days)",
        default=2,
        help="For requests without a support plan: days before the automatic "
        "closing at which the customer is warned. 0: no warning.",
    )
    auto_close_stage_id = fields.Many2one(
        comodel_name="helpdesk.ticket.stage",
        string="Automatic closing stage",
        domain="[('closed', '=', True)]",
        default=lambda self: self.env.ref(
            "support_terms_auto_close.helpdesk_ticket_stage_closed_no_reply",
            raise_if_not_found=False,
        ),
        help="The closed stage in which tickets closed for lack of reply end.",
    )
    customer_replied_stage_id = fields.Many2one(
        comodel_name="helpdesk.ticket.stage",
        string="Customer replied stage",
        domain="[('closed', '=', False), ('waiting_customer', '=', False)]",
        default=lambda self: self.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_stage_in_progress", raise_if_not_found=False
        ),
        help="Where a ticket waiting for the customer goes when the customer "
        "replies. Empty: it stays where it is.",
    )
    auto_close_reopen_days = fields.Integer(
        string="Reopen on reply within (days)",
        default=7,
        help="A reply within these days after an automatic closing reopens the "
        "ticket; a later reply opens a new request linked to it.",
    )

    @api.constrains(
        "auto_close_days",
        "auto_close_warning_days",
        "auto_close_stage_id",
        "auto_close_reopen_days",
    )
    def _check_auto_close(self):
        for team in self:
            days, stage = team.auto_close_days, team.auto_close_stage_id
            if min(days, team.auto_close_warning_days, team.auto_close_reopen_days) < 0:
                problem = _(
                    "Team %(team)s: the automatic closing days cannot be negative.",
                    team=team.name,
                )
            elif days and team.auto_close_warning_days >= days:
                problem = _(
                    "Team %(team)s: the customer must be warned fewer days before "
                    "the automatic closing than the closing delay itself.",
                    team=team.name,
                )
            elif stage and not stage.closed:
                problem = _(
                    "Team %(team)s: the automatic closing stage %(stage)s is not a "
                    "closed stage.",
                    team=team.name,
                    stage=stage.name,
                )
            else:
                continue
            raise ValidationError(problem)
