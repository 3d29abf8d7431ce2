from odoo import api, models


class ContractLine(models.Model):
    """A support plan sold as a service: its term (duration, refund window,
    renewal reminder) is the one of the plan its product grants
    (``support_plan_id``)."""

    _inherit = "contract.line"

    @api.model
    def _plan_duration_days(self, product, company):
        if product and (plan := product._support_granted_plan(company)):
            return plan.duration_days
        return super()._plan_duration_days(product, company)

    def _compute_renewal_reminder_days(self):
        res = super()._compute_renewal_reminder_days()
        for line in self.filtered("support_plan_id"):
            line.renewal_reminder_days = line.support_plan_id.renewal_reminder_days
        return res

    @api.depends("product_id.support_plan_ids")
    def _compute_renewal_reminder_date(self):
        return super()._compute_renewal_reminder_date()

    def _reminded_before_end(self):
        # "verrai contattato dal nostro staff un mese prima della scadenza"
        return self.filtered("support_plan_id") | super()._reminded_before_end()

    def _support_account_manager_fallback(self):
        # a customer without salesperson: the leader of its plan's team
        return (
            self.support_plan_id.team_id.user_id
            or super()._support_account_manager_fallback()
        )

    def _refund_window_hours(self):
        plan = self.support_plan_id
        return plan.refund_window_hours if plan else super()._refund_window_hours()
