from odoo import models


class AccountMove(models.Model):
    """Credit packs follow their invoices: granted when posted or paid (as
    the company says), taken back when the invoice is credited or cancelled."""

    _inherit = "account.move"

    def _post(self, soft=True):
        posted = super()._post(soft=soft)
        credit_moves = self.env["support.credit.move"]
        on_posting = posted.filtered(
            lambda move: move.company_id.support_credit_grant_on == "posted"
        )
        if on_posting:
            credit_moves._grant_from_invoices(on_posting)
        reversed_invoices = posted.filtered(
            lambda move: move.move_type == "out_refund"
        ).reversed_entry_id
        if reversed_invoices:
            credit_moves._reverse_from_invoices(reversed_invoices)
        return posted

    def button_cancel(self):
        res = super().button_cancel()
        self.env["support.credit.move"]._reverse_from_invoices(
            self.filtered(lambda move: move.move_type == "out_invoice")
        )
        return res

    def _invoice_paid_hook(self):
        """Credits granted on payment, where the company grants them then."""
        result = super()._invoice_paid_hook()
        on_payment = self.filtered(
            lambda move: move.company_id.support_credit_grant_on != "posted"
        )
        if on_payment:
            self.env["support.credit.move"]._grant_from_invoices(on_payment)
        return result
