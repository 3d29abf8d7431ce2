from odoo import fields, models


class ContractLine(models.Model):
    _inherit = "contract.line"

    support_plan_id = fields.Many2one(
        "support.plan",
        string="Support plan",
        compute="_compute_support_plan_id",
        help="The support plan this service's product grants.",
    )

    def _compute_support_plan_id(self):
        granting = self.env["support.plan"]._granting_plans(self.company_id)
        for line in self:
            product = line.product_id
            # a section or note line has no product: no plan
            line.support_plan_id = (
                product._support_granted_plan(line.company_id, granting)
                if product
                else False
            )
