from odoo import api, fields, models


class SupportCreditChargeWizard(models.TransientModel):
    """Charge prepaid credits on an extra request."""

    _name = "support.credit.charge.wizard"
    _description = "Charge support credits"

    ticket_id = fields.Many2one(
        comodel_name="helpdesk.ticket", required=True, readonly=True
    )
    partner_id = fields.Many2one(related="ticket_id.commercial_partner_id")
    credit_balance = fields.Float(
        string="Credits left", compute="_compute_credit_balance", digits=(16, 2)
    )
    credits = fields.Float(
        string="Credits to charge",
        digits=(16, 2),
        compute="_compute_credits",
        store=True,
        readonly=False,
    )

    @api.depends("ticket_id")
    def _compute_credits(self):
        for wizard in self:
            wizard.credits = wizard.ticket_id.support_coverage_rule_id.credits or 1.0

    @api.depends("partner_id")
    def _compute_credit_balance(self):
        for wizard in self:
            wizard.credit_balance = wizard.partner_id.with_company(
                wizard.ticket_id.company_id
            ).support_credit_balance

    def action_confirm(self):
        self.ensure_one()
        ticket = self.ticket_id
        self.env["support.credit.move"]._consume(
            ticket.partner_id, ticket.company_id, self.credits, ticket=ticket
        )
        return {"type": "ir.actions.act_window_close"}
