from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.support_terms_base.tools import check_manager

from ..models.support_credit_move import PRECISION, positive


class AccountMoveReversal(models.TransientModel):
    """Prepaid credits are not refundable: crediting an invoice that sold
    credit packs needs a support terms manager's confirmation and reason,
    and only the credits not yet used go back."""

    _inherit = "account.move.reversal"

    support_sells_credits = fields.Boolean(
        string="Sells prepaid credits", compute="_compute_support_credits"
    )
    support_credits_left = fields.Float(
        string="Credits not yet used",
        digits=(16, PRECISION),
        compute="_compute_support_credits",
    )
    support_credits_confirmed = fields.Boolean(
        string="Take back the credits not yet used",
        help="Prepaid credits are not refundable: only a support terms manager "
        "credits an invoice that sold them. The credits the customer used stay "
        "used.",
    )
    support_credits_reason = fields.Text(string="Why the credits are taken back")

    @api.depends("move_ids")
    def _compute_support_credits(self):
        for wizard in self:
            packs = self.env["support.credit.move"]._live_packs(wizard.move_ids._origin)
            wizard.support_sells_credits = bool(packs)
            wizard.support_credits_left = sum(packs.mapped("remaining"))

    def reverse_moves(self, is_modify=False):
        self._support_check_credits_refund()
        return super().reverse_moves(is_modify=is_modify)

    def _support_check_credits_refund(self):
        """Refuse crediting packs unless a manager confirms it with a
        reason, and refuse it when nothing of them is left to take back."""
        packs = self.env["support.credit.move"]._live_packs(self.move_ids._origin)
        if not packs:
            return
        invoices = ", ".join(packs.invoice_id.mapped("name"))
        if not (
            self.support_credits_confirmed
            and (self.support_credits_reason or "").strip()
        ):
            raise UserError(
                _(
                    "%(invoices)s sold prepaid support credits, which are not "
                    "refundable: only a support terms manager can credit it, "
                    "confirming that the credits not yet used are taken back "
                    "and saying why.",
                    invoices=invoices,
                )
            )
        check_manager(
            packs.sudo(False),
            _(
                "%(invoices)s sold prepaid support credits, which are not "
                "refundable: only a support terms manager can credit it.",
                invoices=invoices,
            ),
        )
        if not positive(sum(packs.mapped("remaining"))):
            raise UserError(
                _(
                    "The credits sold by %(invoices)s were all used or have "
                    "expired, and credits are not refundable: there is nothing "
                    "left to credit.",
                    invoices=invoices,
                )
            )

    def _prepare_default_reversal(self, move):
        values = super()._prepare_default_reversal(move)
        packs = self.env["support.credit.move"]._live_packs(self.move_ids._origin)
        if self.support_credits_confirmed and move in packs.invoice_id:
            values["support_credits_refund_user_id"] = self.env.user.id
            values["support_credits_refund_reason"] = self.support_credits_reason
        return values
