from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import AccessError

MANAGER_GROUP = "support_terms.group_support_terms_manager"


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    support_plan_id = fields.Many2one(
        comodel_name="support.plan",
        string="Support plan",
        index=True,
        tracking=True,
        copy=False,
        ondelete="restrict",
        help="The plan in force for the customer when the request arrived. "
        "It does not follow later changes of the contracts. Empty: the "
        "request is served as paid support.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        if not self._can_set_support_plan():
            for vals in vals_list:
                vals.pop("support_plan_id", None)
        tickets = super().create(vals_list)
        tickets.filtered(lambda t: not t.support_plan_id)._snapshot_support_plan()
        return tickets

    def write(self, vals):
        if "support_plan_id" in vals and not self._can_set_support_plan():
            raise AccessError(
                _("Only support managers can change the support plan of a ticket.")
            )
        res = super().write(vals)
        if "partner_id" in vals and "support_plan_id" not in vals:
            # A request first received from an unknown address gets the plan
            # the customer had when the request arrived, once it is linked.
            self.filtered(
                lambda t: not t.support_plan_id and t.partner_id
            )._snapshot_support_plan()
        return res

    def _can_set_support_plan(self):
        return self.env.su or self.env.user.has_group(MANAGER_GROUP)

    def _snapshot_support_plan(self):
        """Record the plan in force for each ticket's customer on its arrival."""
        groups = defaultdict(lambda: self.browse())
        for ticket in self:
            if ticket.partner_id:
                arrival = fields.Date.context_today(ticket, ticket.create_date)
                groups[(ticket.company_id, arrival)] |= ticket
        by_plan = defaultdict(lambda: self.browse())
        for (company, arrival), tickets in groups.items():
            plans = tickets.partner_id._support_plan_at(company, arrival)
            for ticket in tickets:
                plan = plans.get(ticket.partner_id.commercial_partner_id.id)
                if plan:
                    by_plan[plan] |= ticket
        for plan, tickets in by_plan.items():
            # sudo: the snapshot is the system's, not the user's choice
            tickets.sudo().write({"support_plan_id": plan.id})
