from odoo import models


class AccountPartialReconcile(models.Model):
    _inherit = "account.partial.reconcile"

    def unlink(self):
        # the invoices a payment no longer pays stop granting their credits
        invoices = (self.debit_move_id | self.credit_move_id).move_id.filtered(
            lambda move: move.move_type == "out_invoice"
        )
        res = super().unlink()
        invoices.exists()._support_credits_unpaid()
        return res
