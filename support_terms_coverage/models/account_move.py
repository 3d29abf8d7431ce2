from odoo import models


class AccountMove(models.Model):
    """Credit packs follow their invoices: granted when posted or paid (as
    the company says), taken back when the invoice goes back to draft, is
    cancelled, or its pack lines are credited."""

    _inherit = "account.move"

    def _post(self, soft=True):
        posted = super()._post(soft=soft)
        credit_moves = self.env["support.credit.move"]
        on_posting = posted.filtered(
            lambda move: move.company_id.support_credit_grant_on == "posted"
        )
        if on_posting:
            credit_moves._grant_from_invoices(on_posting)
        credit_notes = posted.filtered(lambda move: move.move_type == "out_refund")
        if credit_notes:
            credit_moves._take_back_credited(credit_notes)
        return posted

    def button_draft(self):
        # the payments unreconciled on the way say nothing: the invoice does
        reason = self.env.context.get("support_credits_reason") or self.env._(
            "reset to draft"
        )
        res = super(
            AccountMove, self.with_context(support_credits_reason=reason)
        ).button_draft()
        self._support_credits_undone(reason)
        return res

    def button_cancel(self):
        reason = self.env._("cancelled")
        res = super(
            AccountMove, self.with_context(support_credits_reason=reason)
        ).button_cancel()
        self._support_credits_undone(reason)
        return res

    def _support_credits_undone(self, reason):
        """The invoices' packs no longer grant, the credit notes no longer
        take back."""
        credit_moves = self.env["support.credit.move"]
        invoices = self.filtered(lambda move: move.move_type == "out_invoice")
        if invoices:
            credit_moves._withdraw_from_invoices(invoices, reason)
        credit_notes = self.filtered(lambda move: move.move_type == "out_refund")
        if credit_notes:
            credit_moves._restore_credited(credit_notes)

    def _invoice_paid_hook(self):
        """Credits granted on payment, where the company grants them then."""
        result = super()._invoice_paid_hook()
        on_payment = self.filtered(
            lambda move: move.company_id.support_credit_grant_on != "posted"
        )
        if on_payment:
            self.env["support.credit.move"]._grant_from_invoices(on_payment)
        return result

    def _support_credits_unpaid(self):
        """Invoices no longer paid (a payment unreconciled or cancelled) stop
        granting where the company grants credits on payment."""
        if self.env.context.get("support_credits_reason"):
            return  # reset to draft or cancelled: withdrawn for that reason
        unpaid = self.filtered(
            lambda move: move.move_type == "out_invoice"
            and move.state == "posted"
            and move.company_id.support_credit_grant_on != "posted"
            and move.payment_state not in ("paid", "in_payment")
        )
        if unpaid:
            self.env["support.credit.move"]._withdraw_from_invoices(
                unpaid, self.env._("no longer paid")
            )
