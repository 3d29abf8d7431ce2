from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    support_plan_id = fields.Many2one(
        "support.plan",
        string="Support plan",
        compute="_compute_support_plan_id",
        compute_sudo=True,
        help="The plan in force today for this customer in the current company, "
        "from its in-progress contract lines. Empty: paid support.",
    )

    @api.depends_context("company")
    def _compute_support_plan_id(self):
        company = self.env.company
        plans = self._support_plan_at(company, company._support_today())
        for partner in self:
            partner.support_plan_id = plans.get(partner.commercial_partner_id.id, False)

    def _support_plan_at(self, company, on_date):
        """``{commercial partner id: plan}`` in force for these partners in
        ``company`` on ``on_date``; partners without a plan are missing."""
        in_force = self.env["support.plan"]._plans_in_force_by_partner(
            company, on_date, partners=self.commercial_partner_id
        )
        plans = self.env["support.plan"]
        return {
            partner_id: plans.browse(plan_id)
            for (partner_id, _company_id), plan_id in in_force.items()
        }
