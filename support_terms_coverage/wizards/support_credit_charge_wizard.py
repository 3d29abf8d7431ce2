from odoo import _, api, fields, models
from odoo.tools import float_compare, float_is_zero

from odoo.addons.support_terms_base.tools import check_manager


class SupportCreditChargeWizard(models.TransientModel):
    _name = "support.credit.charge.wizard"
    _description = "Charge support credits"

    ticket_id = fields.Many2one("helpdesk.ticket", required=True, readonly=True)
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
        """Support staff charge what the terms price: the credits of the
        request's rule, once, on an extra paid by credits, within the
        customer's balance. Anything else is a manager's decision (credits the
        customer lacks are checked again on the usable packs)."""
        self.ensure_one()
        ticket = self.ticket_id
        ticket.check_access("write")
        rule = ticket.support_coverage_rule_id
        by_the_rule = (
            ticket.coverage == "extra"
            and rule.billing_mode == "credits"
            and not float_compare(self.credits, rule.credits, precision_digits=2)
            and float_is_zero(ticket.support_credits_charged, precision_digits=2)
            and float_compare(self.credits, self.credit_balance, precision_digits=2)
            <= 0
        )
        if not by_the_rule:
            check_manager(
                ticket,
                _(
                    "Only a support terms manager can charge %(credits)s credits "
                    "on %(ticket)s: support staff charge once the credits its "
                    "coverage rule gives to an extra paid by credits "
                    "(%(rule_credits)s), within the %(balance)s credits the "
                    "customer has left.",
                    credits=self.credits,
                    ticket=ticket.display_name,
                    rule_credits=rule.credits if rule.billing_mode == "credits" else 0,
                    balance=self.credit_balance,
                ),
            )
        self.env["support.credit.move"]._consume(
            ticket.partner_id, ticket.company_id, self.credits, ticket=ticket
        )
        return {"type": "ir.actions.act_window_close"}
