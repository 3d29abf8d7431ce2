from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, float_compare

from odoo.addons.support_terms_base.tools import (
    check_manager,
    company_day_domain,
    run_due_batch,
)

from ..rules.prepaid_credits import allocate_fifo, credit_expiry

EXPIRY_BATCH_PARAM = "support_terms.credit_expiry_batch_size"
EXPIRY_BATCH_DEFAULT = 1000
PRECISION = 2
# the kinds of credit move, as the ledger and its report name them
MOVE_TYPES = [
    ("grant", "Credits bought"),
    ("consumption", "Credits used"),
    ("expiry", "Credits expired"),
    ("reversal", "Credits withdrawn"),
]


def positive(value):
    """Whether ``value`` credits are above zero at the ledger's precision."""
    return float_compare(value, 0.0, precision_digits=PRECISION) > 0


class SupportCreditMove(models.Model):
    """One movement of a customer's prepaid support credits; the balance is
    the sum of the moves.

    A credit pack invoice line grants credits when paid (or posted); staff
    use them on extras, those expiring first first; what is left expires on
    the pack's expiry date, or is taken back by a credit note, or when its
    invoice is no longer posted or paid (what was used stays used).
    """

    _name = "support.credit.move"
    _description = "Support credit move"
    _order = "date desc, id desc"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        ondelete="restrict",
        domain=[("is_company", "=", True)],
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    date = fields.Date(
        required=True, default=lambda self: self.env.company._support_today()
    )
    move_type = fields.Selection(MOVE_TYPES, string="Type", required=True, index=True)
    quantity = fields.Float(
        string="Credits",
        digits=(16, PRECISION),
        required=True,
        help="Positive for credits bought, negative for credits used, expired "
        "or taken back.",
    )
    name = fields.Char(string="Description")
    expiry_date = fields.Date(
        string="Expires on",
        index=True,
        help="Last day the credits of this pack can be used.",
    )
    pack_id = fields.Many2one(
        "support.credit.move",
        index="btree_not_null",
        ondelete="restrict",
        help="The credits bought that this move uses, expires or takes back.",
    )
    pack_move_ids = fields.One2many(
        "support.credit.move", "pack_id", string="Moves of the pack"
    )
    remaining = fields.Float(
        string="Credits left",
        digits=(16, PRECISION),
        compute="_compute_remaining",
        store=True,
        index=True,
        help="Of a pack: its credits not yet used, expired or taken back.",
    )
    # only a withdrawn grant's line can go: its invoice is a draft again
    invoice_line_id = fields.Many2one(
        "account.move.line",
        string="Invoice line",
        index="btree_not_null",
        readonly=True,
    )
    invoice_id = fields.Many2one(
        "account.move", index="btree_not_null", ondelete="restrict", readonly=True
    )
    withdrawn = fields.Boolean(
        readonly=True,
        copy=False,
        help="Of a pack: its invoice went back to draft, was cancelled or is no "
        "longer paid. What was left of it was taken back; its invoice line "
        "grants again when the invoice is posted (or paid) again.",
    )
    credit_note_line_id = fields.Many2one(
        "account.move.line",
        string="Credit note line",
        index="btree_not_null",
        ondelete="restrict",
        readonly=True,
    )
    ticket_id = fields.Many2one(
        "helpdesk.ticket", index="btree_not_null", ondelete="restrict"
    )

    def init(self):
        for statement in (
            # an invoice line grants once, until its invoice is a draft again
            "ALTER TABLE support_credit_move "
            "DROP CONSTRAINT IF EXISTS support_credit_move_invoice_line_unique",
            "CREATE UNIQUE INDEX IF NOT EXISTS support_credit_move_one_live_grant "
            "ON support_credit_move (invoice_line_id) "
            "WHERE move_type = 'grant' AND withdrawn IS NOT TRUE",
            # one expiry per pack, whatever runs it
            "CREATE UNIQUE INDEX IF NOT EXISTS support_credit_move_one_expiry_per_pack "
            "ON support_credit_move (pack_id) WHERE move_type = 'expiry'",
            # one withdrawal per pack, and one per credit note line that credits it
            "DROP INDEX IF EXISTS support_credit_move_one_reversal_per_pack",
            "CREATE UNIQUE INDEX IF NOT EXISTS "
            "support_credit_move_one_reversal_per_pack_and_line "
            "ON support_credit_move (pack_id, COALESCE(credit_note_line_id, 0)) "
            "WHERE move_type = 'reversal'",
        ):
            self.env.cr.execute(statement)

    @api.depends("move_type", "quantity", "pack_move_ids.quantity")
    def _compute_remaining(self):
        for move in self:
            taken = sum(move.pack_move_ids.mapped("quantity"))
            move.remaining = move.quantity + taken if move.move_type == "grant" else 0.0

    @api.constrains(
        "move_type", "quantity", "pack_id", "expiry_date", "partner_id", "company_id"
    )
    def _check_quantity(self):
        for move in self:
            pack = move.pack_id
            if move.move_type == "grant":
                if not positive(move.quantity):
                    raise ValidationError(
                        _("The credits bought must be a positive number.")
                    )
                if not move.expiry_date:
                    raise ValidationError(_("Credits bought need their expiry date."))
            elif not positive(-move.quantity):
                raise ValidationError(
                    _(
                        "Credits used, expired or taken back are recorded as a "
                        "negative number."
                    )
                )
            if pack and pack.move_type != "grant":
                raise ValidationError(_("A pack is a move of credits bought."))
            if pack and positive(-pack.remaining):
                raise ValidationError(
                    _(
                        "The credits bought on %(date)s are not enough for this "
                        "move.",
                        date=pack.date,
                    )
                )
            # credits are not transferable
            owner = (move.partner_id, move.company_id)
            if pack and (pack.partner_id, pack.company_id) != owner:
                raise ValidationError(
                    _(
                        "The credits bought by %(customer)s cannot be used, "
                        "expired or taken back for another customer or company: "
                        "credits are not transferable.",
                        customer=pack.partner_id.display_name,
                    )
                )

    def write(self, vals):
        # credits never move between customers or companies
        for field in ("partner_id", "company_id"):
            if field in vals and any(move[field].id != vals[field] for move in self):
                raise UserError(
                    _(
                        "Prepaid credits are not transferable: a credit move "
                        "stays with the customer and the company it was "
                        "recorded for."
                    )
                )
        return super().write(vals)

    @api.model
    def _live_packs(self, invoices):
        """The packs ``invoices`` granted and still grant, read as superuser:
        accountants posting, paying or crediting invoices do not read the
        credit ledger."""
        return self.sudo().search(
            [
                ("move_type", "=", "grant"),
                ("invoice_id", "in", invoices.ids),
                ("withdrawn", "=", False),
            ]
        )

    @api.model
    def _holders(self, partners):
        """Those of ``partners`` that hold credits, read as superuser: whoever
        edits or merges contacts need not read the ledger."""
        moves = self.sudo().search([("partner_id", "in", partners.ids)])
        return moves.partner_id.with_env(partners.env)

    def _pack_move(self, move_type, quantity, name, **values):
        """The values of a move taking ``quantity`` credits of this pack."""
        return {
            "partner_id": self.partner_id.id,
            "company_id": self.company_id.id,
            "move_type": move_type,
            "quantity": -quantity,
            "pack_id": self.id,
            "name": name,
            **values,
        }

    def _used(self):
        used = self.pack_move_ids.filtered(lambda m: m.move_type == "consumption")
        return -sum(used.mapped("quantity"))

    # -- grants and reversals from invoices -----------------------------------

    @api.model
    def _grant_from_invoices(self, invoices):
        """Grant the credits of the credit pack lines of posted customer
        invoices, once per line while its invoice stays posted (a unique index
        holds if two transactions try). A line granted before its invoice went
        back to draft keeps used what the customer used of it."""
        lines = invoices.filtered(
            lambda inv: inv.move_type == "out_invoice" and inv.state == "posted"
        ).invoice_line_ids.filtered(
            lambda line: line.product_id.support_credit_pack
            and line.product_id.support_credits > 0
            and line.quantity > 0
            and line.display_type == "product"
        )
        # sudo: posting or paying an invoice grants credits, and accountants
        # do not write the credit ledger
        moves = self.sudo()
        lines -= moves._live_packs(lines.move_id).invoice_line_id
        values = []
        for line in lines:
            invoice = line.move_id
            product = line.product_id.product_tmpl_id
            start = invoice.invoice_date or invoice.company_id._support_today()
            values.append(
                {
                    "partner_id": invoice.commercial_partner_id.id,
                    "company_id": invoice.company_id.id,
                    "date": start,
                    "move_type": "grant",
                    "quantity": line.quantity * product.support_credits,
                    "expiry_date": credit_expiry(
                        start, product.support_credit_validity_days
                    ),
                    "name": f"{invoice.name}: {line.name or product.name}",
                    "invoice_line_id": line.id,
                    "invoice_id": invoice.id,
                }
            )
        grants = moves.create(values)
        for grant in grants:
            # what the customer used of the line's withdrawn pack stays used
            previous = moves.search(
                [
                    ("move_type", "=", "grant"),
                    ("invoice_line_id", "=", grant.invoice_line_id.id),
                    ("withdrawn", "=", True),
                ],
                order="id desc",
                limit=1,
            )
            used = min(previous._used(), grant.quantity)
            if positive(used):
                name = _(
                    "%(invoice)s: %(credits)s credits already used before the "
                    "invoice was changed",
                    invoice=grant.invoice_id.name,
                    credits=round(used, PRECISION),
                )
                moves.create(
                    grant._pack_move("consumption", used, name, date=grant.date)
                )
        # the credit notes already posted on the invoice still take back
        moves._take_back_credited(grants.invoice_id.reversal_move_ids)
        return grants

    @api.model
    def _withdraw_from_invoices(self, invoices, reason):
        """The invoices no longer grant their packs (back to draft, cancelled,
        no longer paid): what is left of them is taken back, what the
        customer used stays used, and the invoice says so."""
        packs = self._live_packs(invoices)
        packs.write({"withdrawn": True})
        for pack in packs:
            if positive(pack.remaining):
                name = _(
                    "%(invoice)s %(reason)s: %(credits)s credits withdrawn",
                    invoice=pack.invoice_id.name,
                    reason=reason,
                    credits=round(pack.remaining, PRECISION),
                )
                pack.create(pack._pack_move("reversal", pack.remaining, name))
            pack._post_withdrawal_note(pack.invoice_id, pack.quantity, reason)

    @api.model
    def _take_back_credited(self, credit_notes, refuse_spent=False):
        """Each credit note line of a credit pack takes back what is left of
        the credits of the line it credits (same product, the same quantity
        first). Credits are not refundable: with ``refuse_spent`` (a credit
        note being posted), a line with nothing left to take back is refused."""
        for credit_note in credit_notes.filtered(
            lambda m: m.move_type == "out_refund"
            and m.state == "posted"
            and m.reversed_entry_id
        ):
            packs = self._live_packs(credit_note.reversed_entry_id)
            reason = credit_note._support_credited_reason()
            for line in credit_note.invoice_line_ids.filtered(
                lambda line: line.display_type == "product"
                and line.product_id.support_credit_pack
                and line.quantity > 0
            ):
                credited = line.quantity * line.product_id.support_credits
                candidates = packs.filtered(
                    lambda p, line=line: p.invoice_line_id.product_id == line.product_id
                ).sorted(
                    lambda p, line=line: (
                        p.invoice_line_id.quantity != line.quantity,
                        p.id,
                    )
                )
                line_taken = 0.0
                for pack in candidates:
                    if not positive(credited):
                        break
                    share = min(credited, pack.quantity)
                    credited -= share
                    if line in pack.pack_move_ids.credit_note_line_id:
                        line_taken = share
                        continue  # already taken back for this line
                    take = min(share, pack.remaining)
                    line_taken += max(take, 0.0)
                    if positive(take):
                        name = _(
                            "%(credit_note)s credits %(invoice)s: "
                            "%(credits)s credits withdrawn",
                            credit_note=credit_note.name,
                            invoice=pack.invoice_id.name,
                            credits=round(take, PRECISION),
                        )
                        pack.create(
                            pack._pack_move(
                                "reversal", take, name, credit_note_line_id=line.id
                            )
                        )
                    pack._post_withdrawal_note(credit_note, share, reason)
                if refuse_spent and candidates and not positive(line_taken):
                    raise UserError(
                        _(
                            "The credits %(credit_note)s credits (%(product)s of "
                            "%(invoice)s) were all used or have expired, and "
                            "credits are not refundable: there is nothing left "
                            "to credit.",
                            credit_note=credit_note.display_name,
                            product=line.product_id.display_name,
                            invoice=credit_note.reversed_entry_id.name,
                        )
                    )

    def _post_withdrawal_note(self, document, quantity, reason):
        """Say on the invoice or credit note what its pack no longer grants:
        what was taken back, what the customer had already used."""
        # the pack's reversals by this credit note, or by none for an invoice
        credit_note = document.filtered(lambda move: move.move_type == "out_refund")
        taken = -sum(
            self.pack_move_ids.filtered(
                lambda m: m.move_type == "reversal"
                and m.credit_note_line_id.move_id == credit_note
            ).mapped("quantity")
        )
        document.message_post(
            body=_(
                "Prepaid credits of %(pack)s (%(credits)s credits) %(reason)s: "
                "%(taken)s credits withdrawn from %(customer)s, %(used)s already "
                "used are kept.",
                pack=self.name,
                credits=round(quantity, PRECISION),
                reason=reason,
                taken=round(taken, PRECISION),
                customer=self.partner_id.display_name,
                used=round(self._used(), PRECISION),
            ),
            subtype_xmlid="mail.mt_note",
        )

    # -- consumption ------------------------------------------------------------

    @api.model
    def _consume(self, partner, company, quantity, ticket=None, description=None):
        """Use ``quantity`` credits of ``partner``, the packs expiring first
        first. Below zero is refused, unless the company allows it: then what
        the packs cannot cover becomes a charge on the ticket."""
        if not positive(quantity):
            raise ValidationError(_("The credits to charge must be a positive number."))
        partner = partner.commercial_partner_id
        # sudo: staff charge credits (the caller checks what they charge, the
        # shortfall is checked below), only managers write the ledger
        moves = self.sudo()
        # lock the packs: two staff charging the same customer wait for each other
        query = moves._search(
            [
                ("partner_id", "=", partner.id),
                ("company_id", "=", company.id),
                ("move_type", "=", "grant"),
                ("withdrawn", "=", False),
                ("remaining", ">", 0),
                ("expiry_date", ">=", company._support_today()),
            ],
            order="expiry_date, id",
        )
        rows = self.env.execute_query(SQL("%s FOR UPDATE", query.select()))
        packs = moves.browse(row[0] for row in rows)
        packs.invalidate_recordset(["remaining"])
        allocation, shortfall = allocate_fifo(
            [(pack.id, pack.remaining, pack.expiry_date) for pack in packs], quantity
        )
        shortfall = round(shortfall, PRECISION)
        if shortfall:
            available = round(quantity - shortfall, PRECISION)
            if not company.support_credit_allow_overdraft:
                raise UserError(
                    _(
                        "%(customer)s has %(available)s credits left, %(needed)s "
                        "are needed: they must buy a credit pack first.",
                        customer=partner.display_name,
                        available=available,
                        needed=quantity,
                    )
                )
            if not ticket or not company.support_credit_overdraft_product_id:
                raise UserError(
                    _(
                        "Set the product billed for missing credits in the "
                        "settings before charging more credits than are left."
                    )
                )
            # billing credits the customer lacks is decided here, on the packs
            # really usable today, whatever balance the caller saw
            check_manager(
                ticket,
                _(
                    "%(customer)s has %(available)s usable credits left, "
                    "%(needed)s are needed: only a support terms manager can bill "
                    "the missing ones.",
                    customer=partner.display_name,
                    available=available,
                    needed=quantity,
                ),
            )
            ticket._add_charge(
                "credit_shortfall",
                company.support_credit_overdraft_product_id,
                quantity=shortfall,
                name=_("%(credits)s credits missing", credits=shortfall),
            )
        label = description or (ticket and ticket.display_name) or ""
        return moves.create(
            [
                packs.browse(pack_id)._pack_move(
                    "consumption", taken, label, ticket_id=ticket and ticket.id
                )
                for pack_id, taken in allocation
            ]
        )

    # -- expiry -------------------------------------------------------------

    @api.model
    def _cron_expire_credits(self):
        """Expire what is left of the packs past their expiry date, one batch
        per call: the expiry move brings a pack's credits left to zero, which
        takes it out of the due set."""
        due = company_day_domain(self.env, "expiry_date", "<") + [
            ("move_type", "=", "grant"),
            ("remaining", ">", 0),
        ]
        return run_due_batch(
            self,
            EXPIRY_BATCH_PARAM,
            EXPIRY_BATCH_DEFAULT,
            "expiry_date, id",
            [(due, lambda packs: packs._expire())],
        )

    def _expire(self):
        label = _("Credits expired")
        self.create(
            [
                pack._pack_move("expiry", pack.remaining, label, date=pack.expiry_date)
                for pack in self
            ]
        )
