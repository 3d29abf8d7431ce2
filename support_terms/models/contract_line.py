from odoo import api, models


class ContractLine(models.Model):
    """A support plan sold as a service: its term (duration, refund window,
    renewal reminder) is the plan's."""

    _inherit = "contract.line"

    def _granted_plans(self):
        """{line: the plan its product grants in its company}, in one search."""
        plans = self.env["support.plan"].search(
            [("product_ids", "in", self.product_id.ids)]
        )
        return {
            line: next(
                (
                    plan
                    for plan in plans
                    if line.product_id in plan.product_ids
                    and plan.company_id == line.company_id
                ),
                plans.browse(),
            )
            for line in self
        }

    @api.model
    def _plan_duration_days(self, product, company):
        if product.product_tmpl_id.service_kind != "support_plan":
            return super()._plan_duration_days(product, company)
        plan = self.env["support.plan"].search(
            [("product_ids", "in", product.ids), ("company_id", "=", company.id)],
            order="sequence, id",
            limit=1,
        )
        return plan.duration_days

    def _compute_renewal_reminder_days(self):
        res = super()._compute_renewal_reminder_days()
        plans = self._granted_plans()
        for line in self.filtered(lambda line: plans[line]):
            line.renewal_reminder_days = plans[line].renewal_reminder_days
        return res

    def _refund_window_hours(self):
        if self.service_kind != "support_plan":
            return super()._refund_window_hours()
        return self._granted_plans()[self].refund_window_hours
