from odoo import models


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    def _reconcile_post_hook(self, data):
        """An invoice settled by a credit note (not a payment: account calls
        no paid hook for it) lifts its overdue suspension too."""
        result = super()._reconcile_post_hook(data)
        self.env["support.service.suspension"]._on_invoices_settled(
            data["not_paid_invoices"].filtered(
                lambda move: move.payment_state == "reversed"
            )
        )
        return result
