from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.support_terms_base.tools import check_manager


class AccountMove(models.Model):
    """Credit packs follow their invoices: granted when posted or paid (as
    the company says), taken back when the invoice goes back to draft, is
    cancelled, or its pack lines are credited (credits are not refundable: a
    credit note on a pack needs a support terms manager's confirmation, and
    only the credits not yet used go back)."""

    _inherit = "account.move"

    support_credits_refund_user_id = fields.Many2one(
        "res.users",
        string="Credits taken back by",
        readonly=True,
        copy=False,
        help="The support terms manager who confirmed that this credit note "
        "takes back the prepaid credits not yet used of the packs it credits.",
    )
    support_credits_refund_reason = fields.Text(
        string="Why the credits are taken back", readonly=True, copy=False
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._support_check_refund_confirmation(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._support_check_refund_confirmation(vals)
        res = super().write(vals)
        if "partner_id" not in vals and "company_id" not in vals:
            return res
        # credits are not transferable: an invoice that granted credits keeps
        # their customer and company (sudo: accountants do not read the ledger)
        grants = self.env["support.credit.move"].sudo()
        grants = grants.search(
            [("move_type", "=", "grant"), ("invoice_id", "in", self.ids)]
        )
        for grant in grants:
            invoice = grant.invoice_id
            owner = (invoice.commercial_partner_id, invoice.company_id)
            if (grant.partner_id, grant.company_id) != owner:
                raise UserError(
                    _(
                        "%(invoice)s granted prepaid credits to %(customer)s, and "
                        "credits cannot be transferred to another customer or "
                        "company: cancel it and invoice the new customer anew.",
                        invoice=invoice.name,
                        customer=grant.partner_id.display_name,
                    )
                )
        return res

    @api.model
    def _support_check_refund_confirmation(self, vals):
        """Only the credit note wizard records who confirmed that a credit
        note takes back credits: the support terms manager running it."""
        if self.env.su or (
            "support_credits_refund_user_id" not in vals
            and "support_credits_refund_reason" not in vals
        ):
            return
        message = _(
            "Only the support terms manager who credits prepaid credits "
            "confirms it, in the credit note wizard."
        )
        if vals.get("support_credits_refund_user_id") != self.env.uid:
            raise AccessError(message)
        # the invoices are accounting's to write: the manager's decision is
        # checked against their record rules only
        check_manager(self, message, model_rights=False)

    def _post(self, soft=True):
        self._support_check_credits_refund()
        posted = super()._post(soft=soft)
        credit_moves = self.env["support.credit.move"]
        credit_moves._grant_from_invoices(
            posted.filtered(lambda m: m.company_id.support_credit_grant_on == "posted")
        )
        credit_moves._take_back_credited(posted, refuse_spent=True)
        return posted

    def _support_check_credits_refund(self):
        """Only a credit note a support terms manager confirmed (in the credit
        note wizard, with a reason) takes back credits of a pack."""
        credit_moves = self.env["support.credit.move"]
        for credit_note in self.filtered(
            lambda move: move.move_type == "out_refund"
            and not move.support_credits_refund_user_id
        ):
            credited = credit_note.invoice_line_ids.filtered(
                lambda line: line.display_type == "product"
                and line.product_id.support_credit_pack
            ).product_id
            # a credit note of its own (not from an invoice) on a pack product
            # would give money back for credits the customer keeps
            if credited and not credit_note.reversed_entry_id:
                raise UserError(
                    _(
                        "%(credit_note)s credits prepaid support credits, which "
                        "are not refundable: credit the invoice that sold them "
                        "with the credit note wizard, where a support terms "
                        "manager confirms it with a reason.",
                        credit_note=credit_note.display_name,
                    )
                )
            packs = credit_moves._live_packs(credit_note.reversed_entry_id)
            if credited & packs.invoice_line_id.product_id:
                raise UserError(
                    _(
                        "%(credit_note)s credits prepaid support credits of "
                        "%(invoice)s, which are not refundable: only a support "
                        "terms manager can credit them, confirming it with a "
                        "reason in the credit note wizard.",
                        credit_note=credit_note.display_name,
                        invoice=credit_note.reversed_entry_id.name,
                    )
                )

    def button_draft(self):
        # the payments unreconciled on the way say nothing: the invoice does
        reason = self.env.context.get("support_credits_reason") or _("reset to draft")
        moves = self.with_context(support_credits_reason=reason)
        res = super(AccountMove, moves).button_draft()
        # the invoices' packs no longer grant, the credit notes no longer take back
        credit_moves = self.env["support.credit.move"]
        credit_moves._withdraw_from_invoices(self, reason)
        # sudo: as the credit note's accountant, who does not write the ledger
        credit_moves.sudo().search(
            [
                ("move_type", "=", "reversal"),
                ("credit_note_line_id", "in", self.line_ids.ids),
            ]
        ).unlink()
        return res

    def button_cancel(self):
        # a posted invoice is reset to draft first: its credits are undone there
        moves = self.with_context(support_credits_reason=_("cancelled"))
        return super(AccountMove, moves).button_cancel()

    def _invoice_paid_hook(self):
        result = super()._invoice_paid_hook()
        self.env["support.credit.move"]._grant_from_invoices(
            self.filtered(lambda m: m.company_id.support_credit_grant_on != "posted")
        )
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
        credit_moves = self.env["support.credit.move"]
        credit_moves._withdraw_from_invoices(unpaid, _("no longer paid"))

    def _support_credited_reason(self):
        """What the credit note says on the packs it credits."""
        if self.support_credits_refund_user_id:
            return _(
                "credited by %(credit_note)s (confirmed by %(manager)s: %(reason)s)",
                credit_note=self.name,
                manager=self.support_credits_refund_user_id.name,
                reason=self.support_credits_refund_reason,
            )
        return _("credited by %s", self.name)
