from odoo import api, models


class ContractLine(models.Model):
    """A support plan sold as a service: its term (duration, refund window,
    renewal reminder) is the one of the plan its product grants
    (``product.product._support_granted_plan``)."""

    _inherit = "contract.line"

    def _granted_plans(self):
        """{line: the plan its product grants in its company}, in one search."""
        plans = self.env["support.plan"].sudo()
        granting = plans._granting_plans(self.company_id)
        return {
            line: line.product_id._support_granted_plan(line.company_id, granting)
            if line.product_id
            else plans
            for line in self
        }

    @api.model
    def _plan_duration_days(self, product, company):
        plan = product._support_granted_plan(company) if product else False
        if not plan:
            return super()._plan_duration_days(product, company)
        return plan.duration_days

    def _compute_renewal_reminder_days(self):
        res = super()._compute_renewal_reminder_days()
        plans = self._granted_plans()
        for line in self.filtered(lambda line: plans[line]):
            line.renewal_reminder_days = plans[line].renewal_reminder_days
        return res

    @api.depends("product_id.support_plan_ids")
    def _compute_renewal_reminder_date(self):
        return super()._compute_renewal_reminder_date()

    def _reminded_before_end(self):
        # "verrai contattato dal nostro staff un mese prima della scadenza"
        plans = self._granted_plans()
        return self.filtered(lambda line: plans[line]) | super()._reminded_before_end()

    def _support_account_manager_fallback(self):
        # a customer without salesperson: the leader of its plan's team
        plan = self._granted_plans()[self]
        return plan.team_id.user_id or super()._support_account_manager_fallback()

    def _refund_window_hours(self):
        plan = self._granted_plans()[self]
        if not plan:
            return super()._refund_window_hours()
        return plan.refund_window_hours
