from odoo import models


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    def _reconcile_post_hook(self, data):
        """An invoice settled by a credit note (not a payment: account calls
        no paid hook for it) lifts its overdue suspension too."""
        result = super()._reconcile_post_hook(data)
        # the customer's services follow its invoices, whoever settles them
        data["not_paid_invoices"].sudo().filtered(
            lambda m: m.move_type == "out_invoice" and m.payment_state == "reversed"
        ).support_suspension_id._lift_settled()
        return result
