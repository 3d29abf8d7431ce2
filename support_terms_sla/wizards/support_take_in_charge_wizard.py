from odoo import _, api, fields, models
from odoo.exceptions import UserError


class SupportTakeInChargeWizard(models.TransientModel):
    _name = "support.take.in.charge.wizard"
    _description = "Take a request in charge"

    ticket_id = fields.Many2one(comodel_name="helpdesk.ticket", required=True)
    estimated_resolution_date = fields.Datetime(
        string="Expected resolution",
        help="Leave it empty when the resolution cannot be foreseen.",
    )

    @api.constrains("estimated_resolution_date")
    def _check_estimated_resolution_date(self):
        now = fields.Datetime.now()
        for wizard in self:
            date = wizard.estimated_resolution_date
            if date and date < now:
                raise UserError(_("The expected resolution cannot be in the past."))

    def action_confirm(self):
        self.ensure_one()
        ticket = self.ticket_id
        if ticket.closed:
            raise UserError(_("A closed request cannot be taken in charge."))
        # whoever takes the request in charge handles it
        ticket.user_id = self.env.user
        ticket._take_in_charge(self.estimated_resolution_date)
        stages = ticket.team_id._get_applicable_stages()
        next_stage = stages.filtered(
            lambda s: not s.closed and s.sequence > ticket.stage_id.sequence
        )[:1]
        if ticket.stage_id == stages[:1] and next_stage:
            ticket.stage_id = next_stage
        return {"type": "ir.actions.act_window_close"}
