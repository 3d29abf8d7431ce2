from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, format_amount, format_date

from odoo.addons.support_terms_base.tools import run_due_batch, send_customer_mail

from ..rules.late_payment import all_settled, due_before_invoice, settled_late

OVERDUE_BATCH_PARAM = "support_terms.overdue_suspension_batch_size"
OVERDUE_BATCH_DEFAULT = 500

SUSPENSION_REASONS = [
    ("overdue", "Overdue payment"),
    ("authority", "Authority order"),
    ("illicit", "Illicit material"),
    ("spam", "Spam"),
    ("intrusion", "Intrusion attempt"),
    ("other", "Other"),
]


class SupportServiceSuspension(models.Model):
    """Services of a customer suspended, and why.

    Late, missing or partial payment suspends the services at once;
    they come back only after payment, with a reactivation fee. An abuse: an
    authority order, illicit material, spam or an intrusion attempt suspends
    them too, without notice; only a manager lifts those.
    """

    _name = "support.service.suspension"
    _description = "Suspension of services"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        readonly=True,
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        domain="[('parent_id', '=', False)]",
        help="The commercial partner whose services are suspended.",
    )
    line_ids = fields.Many2many(
        comodel_name="contract.line",
        relation="support_service_suspension_contract_line_rel",
        column1="suspension_id",
        column2="contract_line_id",
        string="Services",
        check_company=True,
        domain="[('contract_id.commercial_partner_id', '=', partner_id), "
        "('contract_id.contract_type', '=', 'sale'), ('display_type', '=', False)]",
    )
    reason = fields.Selection(
        selection=SUSPENSION_REASONS,
        required=True,
        default="other",
        tracking=True,
        index=True,
    )
    reason_label = fields.Char(compute="_compute_reason_label")
    # plain texts for the emails: Odoo renders them without QWeb (see
    # mail_allowed_qweb_expressions), fast enough for thousands a run
    mail_date_start = fields.Char(compute="_compute_mail_texts")
    mail_services = fields.Char(compute="_compute_mail_texts")
    mail_reason_text = fields.Char(compute="_compute_mail_texts")
    mail_fee_text = fields.Char(compute="_compute_mail_texts")
    note = fields.Text(
        string="Internal note",
        groups="support_terms_base.group_support_terms_user",
        help="For staff only (an authority's order, the abuse found): the "
        "customer reads the reason, never this note.",
    )
    invoice_ids = fields.One2many(
        comodel_name="account.move",
        inverse_name="support_suspension_id",
        string="Overdue invoices",
        readonly=True,
        help="The overdue invoices this suspension waits for: when all are paid, "
        "the services are reactivated.",
    )
    date_start = fields.Date(
        string="Suspended on",
        required=True,
        default=lambda self: self.env.company._support_today(),
    )
    date_lifted = fields.Date(string="Lifted on", readonly=True, copy=False)
    state = fields.Selection(
        selection=[("active", "Active"), ("lifted", "Lifted")],
        required=True,
        default="active",
        readonly=True,
        index=True,
        tracking=True,
        copy=False,
    )
    lift_reason = fields.Selection(
        selection=[
            ("paid", "Invoices paid"),
            ("credited", "Invoices credited"),
            ("cancelled", "Invoices cancelled or back to draft"),
            ("manager", "Lifted by a manager"),
        ],
        string="Lifted because",
        readonly=True,
        copy=False,
        tracking=True,
    )
    mail_lifted_text = fields.Char(compute="_compute_mail_lifted_text")
    fee_invoice_id = fields.Many2one(
        comodel_name="account.move",
        string="Reactivation fee",
        readonly=True,
        copy=False,
    )
    fee_state = fields.Selection(
        selection=[
            ("none", "No fee"),
            ("waived", "Waived by a manager"),
            ("to_invoice", "To invoice"),
            ("invoiced", "Invoiced"),
        ],
        string="Reactivation fee state",
        readonly=True,
        copy=False,
        index="btree_not_null",
        tracking=True,
        help="Set when the overdue invoices are settled. No fee: paid by the "
        "due date plus grace days (judged on the payment's date), credited, or "
        "the company charges none. Waived: a manager lifted the suspension. To "
        "invoice: the scheduled action invoices it (never the payment itself). "
        "Invoiced: see the reactivation fee.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    # stored: the suspensions' report sums the fees by month
    fee_amount = fields.Monetary(
        string="Fee invoiced (untaxed)",
        compute="_compute_fee_amount",
        store=True,
        currency_field="currency_id",
    )

    @api.depends("fee_invoice_id.amount_untaxed", "fee_invoice_id.state")
    def _compute_fee_amount(self):
        for suspension in self:
            fee = suspension.fee_invoice_id
            suspension.fee_amount = fee.amount_untaxed if fee.state == "posted" else 0.0

    def init(self):
        # one open overdue suspension per customer and company: the scheduled
        # action adds newly overdue invoices to it rather than opening another
        self.env.cr.execute(
            SQL(
                """
                CREATE UNIQUE INDEX IF NOT EXISTS
                       support_service_suspension_open_overdue_uniq
                    ON support_service_suspension (partner_id, company_id)
                 WHERE state = 'active' AND reason = 'overdue'
                """
            )
        )

    @api.depends("reason")
    @api.depends_context("lang")
    def _compute_reason_label(self):
        reasons = dict(self._fields["reason"]._description_selection(self.env))
        for suspension in self:
            suspension.reason_label = reasons.get(suspension.reason, "")

    @api.depends(
        "date_start", "line_ids.name", "invoice_ids.name", "reason", "fee_invoice_id"
    )
    @api.depends_context("lang")
    def _compute_mail_texts(self):
        for suspension in self:
            company = suspension.company_id
            suspension.mail_date_start = format_date(self.env, suspension.date_start)
            suspension.mail_services = ", ".join(
                suspension.line_ids.mapped(lambda line: line.name or "")
            )
            fee_product = company.support_reactivation_fee_product_id
            if suspension.reason != "overdue":
                suspension.mail_reason_text = ""
            elif fee_product:
                suspension.mail_reason_text = self.env._(
                    "Invoices not paid by their due date: %(invoices)s. The "
                    "services will be reactivated after the payment of every "
                    "invoice above; as our terms say, the reactivation costs "
                    "%(fee)s + VAT.",
                    invoices=", ".join(suspension.invoice_ids.mapped("name")),
                    fee=format_amount(
                        self.env, fee_product.lst_price, company.currency_id
                    ),
                )
            else:
                suspension.mail_reason_text = self.env._(
                    "Invoices not paid by their due date: %(invoices)s. The "
                    "services will be reactivated after the payment of every "
                    "invoice above.",
                    invoices=", ".join(suspension.invoice_ids.mapped("name")),
                )
            fee = suspension.fee_invoice_id
            suspension.mail_fee_text = (
                self.env._(
                    "As our terms say, the reactivation fee is charged in invoice "
                    "%(invoice)s (%(amount)s).",
                    invoice=fee.name or "",
                    amount=format_amount(self.env, fee.amount_total, fee.currency_id),
                )
                if fee
                else ""
            )

    @api.depends("lift_reason", "line_ids.name")
    @api.depends_context("lang")
    def _compute_mail_lifted_text(self):
        for suspension in self:
            services = ", ".join(
                suspension.line_ids.mapped(lambda line: line.name or "")
            )
            if suspension.lift_reason == "credited":
                text = self.env._(
                    "your invoices were settled by a credit note: the services "
                    "%(services)s are active again.",
                    services=services,
                )
            elif suspension.lift_reason == "cancelled":
                text = self.env._(
                    "the invoices the suspension waited for were cancelled: the "
                    "services %(services)s are active again.",
                    services=services,
                )
            else:
                text = self.env._(
                    "thank you for your payment: the services %(services)s are "
                    "active again.",
                    services=services,
                )
            suspension.mail_lifted_text = text

    def mail_allowed_qweb_expressions(self):
        return super().mail_allowed_qweb_expressions() + (
            "object.company_id.name",
            "object.company_id.partner_id.email_formatted",
            "object.partner_id.id",
            "object.partner_id.lang",
            "object.reason_label",
            "object.mail_date_start",
            "object.mail_services",
            "object.mail_reason_text",
            "object.mail_fee_text",
            "object.mail_lifted_text",
        )

    @api.depends("partner_id", "reason", "date_start")
    def _compute_display_name(self):
        reasons = dict(self._fields["reason"]._description_selection(self.env))
        for suspension in self:
            suspension.display_name = _(
                "%(customer)s: %(reason)s",
                customer=suspension.partner_id.name or "",
                reason=reasons.get(suspension.reason, ""),
            )

    # -- checks ------------------------------------------------------------

    @api.constrains("line_ids", "partner_id")
    def _check_lines(self):
        for suspension in self:
            if not suspension.line_ids:
                raise ValidationError(
                    _("A suspension needs at least one service line to suspend.")
                )
            foreign = suspension.line_ids.filtered(
                lambda line, s=suspension: line.contract_id.commercial_partner_id
                != s.partner_id
            )
            if foreign:
                raise ValidationError(
                    _(
                        "The services %(lines)s are not of %(customer)s.",
                        lines=", ".join(foreign.mapped("name")),
                        customer=suspension.partner_id.display_name,
                    )
                )

    @api.constrains("reason", "invoice_ids")
    def _check_invoices_only_when_overdue(self):
        for suspension in self:
            if suspension.invoice_ids and suspension.reason != "overdue":
                raise ValidationError(
                    _("Only a suspension for overdue payment waits for invoices.")
                )

    # -- life cycle ----------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        # one read for the batch: the scheduled action creates hundreds at once
        partners = self.env["res.partner"].browse(
            [vals["partner_id"] for vals in vals_list if vals.get("partner_id")]
        )
        commercial = {p.id: p.commercial_partner_id.id for p in partners}
        for vals in vals_list:
            if vals.get("partner_id"):
                vals["partner_id"] = commercial[vals["partner_id"]]
        suspensions = super().create(vals_list)
        # the constraint runs only for the fields given: also without lines
        suspensions._check_lines()
        suspensions.filtered(lambda s: s.state == "active")._suspend_lines()
        return suspensions

    def write(self, vals):
        if "line_ids" in vals and any(s.state != "active" for s in self):
            raise UserError(_("The services of a lifted suspension cannot change."))
        result = super().write(vals)
        if "line_ids" in vals:
            self._suspend_lines()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_only_lifted(self):
        if any(s.state == "active" for s in self):
            raise UserError(_("Lift a suspension before deleting it."))

    def _suspend_lines(self):
        # staff decide suspensions, not contracts: the lines are written as sudo
        self.sudo().line_ids.filtered(
            lambda line: line.service_state == "active"
        ).write({"service_state": "suspended"})

    def _lift(self, reason, fee_state):
        """Lift these suspensions: ``reason`` is why (a ``lift_reason``),
        ``fee_state`` what becomes of the fee, unless one is already invoiced
        (never charged twice). Their lines come back unless another holds
        them."""
        self.write(
            {
                "state": "lifted",
                "date_lifted": self.company_id[:1]._support_today(),
                "lift_reason": reason,
            }
        )
        self.filtered(lambda s: not s.fee_invoice_id).write({"fee_state": fee_state})
        # as in _suspend_lines; and a line held by a suspension of a company
        # the caller does not see stays suspended
        suspensions = self.sudo()
        lines = suspensions.line_ids.filtered(
            lambda line: line.service_state == "suspended"
        )
        still_held = suspensions.search(
            [("state", "=", "active"), ("line_ids", "in", lines.ids)]
        ).line_ids
        (lines - still_held).write({"service_state": "active"})

    def _reopen(self):
        """Overdue suspensions lifted by a payment since undone: active again.
        The fee is judged again on the real payment; one already invoiced
        stays and is never charged twice."""
        for suspension in self:
            suspension.write(
                {
                    "state": "active",
                    "date_lifted": False,
                    "lift_reason": False,
                    "fee_state": "invoiced" if suspension.fee_invoice_id else False,
                }
            )
        self._suspend_lines()

    def action_lift(self):
        """A manager lifts a suspension; overdue ones lift by themselves when paid."""
        # who may lift is who may write a suspension: the access lists say it
        self.check_access("write")
        active = self.filtered(lambda s: s.state == "active")
        active._lock()
        active = active.filtered(lambda s: s.state == "active")
        active._lift("manager", "waived")
        for suspension in active:
            suspension.message_post(
                body=_("Suspension lifted by %(user)s.", user=self.env.user.name)
            )
        return True

    def _lock(self):
        """Wait for and lock these rows: a payment and the scheduled action
        reactivating the same suspension at once are serialized here."""
        if not self:
            return
        self.env.cr.execute(
            SQL(
                "SELECT id FROM support_service_suspension WHERE id IN %s FOR UPDATE",
                tuple(self.ids),
            )
        )
        self.invalidate_recordset(["state", "fee_invoice_id", "fee_state"])

    # -- what the invoices tell ----------------------------------------------

    @api.model
    def _on_invoices_settled(self, invoices):
        """These invoices were just paid or credited: lift the overdue
        suspensions they settle. Never creates the fee here: a payment must
        not fail because of it (the scheduled action creates it)."""
        # the customer's services follow its invoices, whoever settles them
        invoices = invoices.sudo().filtered(lambda m: m.move_type == "out_invoice")
        suspensions = invoices.support_suspension_id.filtered(
            lambda s: s.state == "active" and s.reason == "overdue"
        )
        if suspensions:
            suspensions._lift_settled()

    @api.model
    def _on_invoices_unposted(self, invoices):
        """These invoices were cancelled or reset to draft: the suspensions
        waiting for them stop waiting (and lift when nothing else is owed)."""
        # the customer's services follow its invoices, whoever changes them
        invoices = invoices.sudo().filtered("support_suspension_id")
        if invoices:
            invoices.support_suspension_id._release_invoices(invoices)

    def _release_invoices(self, invoices):
        """These invoices are no longer owed as they were (cancelled, or back
        to draft): the overdue suspensions stop waiting for them. One left
        with no invoice lifts, without fee, and the customer is told why; one
        still waiting for others lifts if those are settled. Posted again and
        still unpaid, an invoice suspends again like any other."""
        overdue = self.filtered(lambda s: s.reason == "overdue")
        overdue._lock()
        overdue = overdue.filtered(lambda s: s.state == "active")
        invoices = invoices.filtered(lambda m: m.support_suspension_id in overdue)
        if not invoices:
            return self.browse()
        released = {
            suspension: invoices.filtered(
                lambda m, s=suspension: m.support_suspension_id == s
            )
            for suspension in overdue
        }
        self.env["account.move"].flush_model(["support_suspension_id"])
        self.env.cr.execute(
            SQL(
                "UPDATE account_move SET support_suspension_id = NULL WHERE id IN %s",
                tuple(invoices.ids),
            )
        )
        invoices.invalidate_recordset(["support_suspension_id"])
        overdue.invalidate_recordset(["invoice_ids"])
        emptied = overdue.filtered(lambda s: not s.invoice_ids)
        for suspension, moves in released.items():
            if moves:
                suspension.message_post(
                    body=_(
                        "Invoices %(invoices)s cancelled or back to draft: the "
                        "suspension no longer waits for them.",
                        invoices=", ".join(moves.mapped("display_name")),
                    )
                )
        if emptied:
            emptied._lift("cancelled", "none")
            emptied._send_mail(
                "support_terms_suspension.mail_template_services_reactivated"
            )
        return emptied | (overdue - emptied)._lift_settled()

    def _invoice_reactivation_fees(self):
        """Invoice the fee of these lifted suspensions, once each, and tell the
        customer the services are active again (scheduled action only)."""
        self._lock()
        due = self.filtered(
            lambda s: s.state == "lifted"
            and s.fee_state == "to_invoice"
            and not s.fee_invoice_id
        )
        due._create_fee_invoices()
        due.filtered(lambda s: s.fee_state != "invoiced").write({"fee_state": "none"})
        due._send_mail("support_terms_suspension.mail_template_services_reactivated")
        return due

    def _send_mail(self, template_xmlid):
        """Render and queue one email per suspension, logged in its chatter."""
        to_send = self.filtered(
            lambda s: s.company_id.support_suspension_email or s.state == "lifted"
        )
        return send_customer_mail(to_send, template_xmlid)

    # -- suspend, settle, invoice the fee -------------------------------------

    @api.model
    def _suspend_for_invoices(self, moves, today):
        """One overdue suspension per customer and company for these invoices.

        A customer with an open one gets these invoices (and any new service)
        added to it; an invoice whose payment was undone opens its lifted
        suspension again; the others get a new one covering their active
        services.
        A constant number of queries per batch, plus the chatter and emails.
        """
        Suspension = self
        invoices = defaultdict(list)
        for move in moves:
            invoices[(move.company_id.id, move.commercial_partner_id.id)].append(
                move.id
            )
        partner_ids = list({partner for _company, partner in invoices})
        open_suspensions = {
            (s.company_id.id, s.partner_id.id): s
            for s in Suspension.search(
                [
                    ("state", "=", "active"),
                    ("reason", "=", "overdue"),
                    ("partner_id", "in", partner_ids),
                ]
            )
        }
        # a payment undone after the lift: the suspension comes back
        reopened = Suspension
        for suspension in moves.support_suspension_id.filtered(
            lambda s: s.state == "lifted"
        ):
            key = (suspension.company_id.id, suspension.partner_id.id)
            if key not in open_suspensions:
                open_suspensions[key] = suspension
                reopened |= suspension
        reopened._reopen()
        lines = defaultdict(list)
        for line in self.env["contract.line"].search(
            self.env["contract.line"]._support_in_force_domain(today)
            + [("contract_id.commercial_partner_id", "in", partner_ids)]
        ):
            key = (line.company_id.id, line.contract_id.commercial_partner_id.id)
            lines[key].append(line.id)
        to_create, targets = [], {}
        for key in invoices:
            if key in open_suspensions:
                suspension = open_suspensions[key]
                new_lines = set(lines.get(key, [])) - set(suspension.line_ids.ids)
                if new_lines:
                    suspension.line_ids = [fields.Command.link(i) for i in new_lines]
                targets[key] = suspension
            elif lines.get(key):
                to_create.append(
                    {
                        "company_id": key[0],
                        "partner_id": key[1],
                        "reason": "overdue",
                        "date_start": today,
                        "line_ids": [fields.Command.set(lines[key])],
                    }
                )
        created = Suspension.create(to_create)
        for suspension in created:
            targets[(suspension.company_id.id, suspension.partner_id.id)] = suspension
        pairs = [
            (move_id, targets[key].id)
            for key, move_ids in invoices.items()
            if key in targets
            for move_id in move_ids
        ]
        if pairs:
            # one UPDATE for the batch; never over an invoice already waited for
            self.env.cr.execute(
                SQL(
                    """
                    UPDATE account_move m
                       SET support_suspension_id = v.suspension_id
                      FROM (VALUES %s) AS v(move_id, suspension_id)
                     WHERE m.id = v.move_id
                       AND (
                           m.support_suspension_id IS NULL
                           OR m.support_suspension_id IN (
                               SELECT id
                                 FROM support_service_suspension
                                WHERE state = 'lifted'
                           )
                       )
                    """,
                    SQL(", ").join(SQL("(%s, %s)", m, s) for m, s in pairs),
                )
            )
            moves.invalidate_recordset(["support_suspension_id"])
            Suspension.browse([s for _m, s in pairs]).invalidate_recordset(
                ["invoice_ids"]
            )
        (created | reopened)._send_mail(
            "support_terms_suspension.mail_template_services_suspended"
        )
        return created | reopened

    def _lift_settled(self):
        """Lift the overdue suspensions whose invoices are all settled.

        Called when a payment or a credit note settles an invoice, and by the
        scheduled action; the row lock makes it happen once even when both run
        at the same moment. Whether the reactivation costs the fee is judged
        on the payment dates (``rules.late_payment.settled_late``): paid by
        the due date plus grace, or credited, costs nothing. The fee itself
        is left to the scheduled action (``fee_state`` to invoice): a payment
        never fails because of it.
        """
        suspensions = self
        overdue = suspensions.filtered(lambda s: s.reason == "overdue")
        overdue._lock()
        overdue = overdue.filtered(lambda s: s.state == "active")
        if not overdue:
            return suspensions.browse()
        self.env["account.move"].flush_model(["payment_state", "support_suspension_id"])
        self.env.cr.execute(
            SQL(
                """
                SELECT support_suspension_id, array_agg(payment_state)
                  FROM account_move
                 WHERE support_suspension_id IN %s
              GROUP BY support_suspension_id
                """,
                tuple(overdue.ids),
            )
        )
        settled = suspensions.browse(
            suspension_id
            for suspension_id, states in self.env.cr.fetchall()
            if all_settled(states)
        )
        if not settled:
            return settled
        rows = settled.invoice_ids._support_paid_on_rows()
        paid_on = {move_id: (date_due, paid) for move_id, _p, date_due, paid in rows}
        to_invoice = settled.filtered(
            lambda s: s.company_id.support_reactivation_fee_product_id
            and not s.fee_invoice_id
            and settled_late(
                [paid_on[move.id] for move in s.invoice_ids if move.id in paid_on],
                s.company_id.support_overdue_grace_days,
            )
        )
        for (reason, fee_state), group in settled.grouped(
            lambda s: (
                "paid"
                if any(paid_on.get(move.id, (None, None))[1] for move in s.invoice_ids)
                else "credited",
                "to_invoice" if s in to_invoice else "none",
            )
        ).items():
            group._lift(reason, fee_state)
        if to_invoice:
            # the fee and the email come with the next run, soon after the commit
            cron = self.env.ref(
                "support_terms_suspension.ir_cron_overdue_suspension",
                raise_if_not_found=False,
            )
            if cron:
                cron.sudo()._trigger()
        (settled - to_invoice)._send_mail(
            "support_terms_suspension.mail_template_services_reactivated"
        )
        return settled

    def _create_fee_invoices(self):
        """One fee invoice per suspension, from each company's fee product,
        dated today and due on the customer's payment terms (else the
        company's default ones)."""
        by_company = defaultdict(lambda: self.browse())
        for suspension in self.filtered(
            lambda s: s.company_id.support_reactivation_fee_product_id
            and not s.fee_invoice_id
        ):
            by_company[suspension.company_id] |= suspension
        today = self.env.company._support_today()
        # a fresh context: a caller's (e.g. skip_invoice_sync) would leave the
        # new invoice's journal items unbalanced at 0
        Move = self.env["account.move"].with_env(self.env(context={}))
        for company, suspensions in by_company.items():
            product = company.support_reactivation_fee_product_id
            taxes = product.product_tmpl_id._support_sale_taxes(company)
            line = {
                "product_id": product.id,
                "quantity": 1.0,
                "price_unit": product.with_company(company).lst_price,
            }
            if not taxes and company.account_sale_tax_id:
                line["tax_ids"] = [fields.Command.set(company.account_sale_tax_id.ids)]
            values = []
            for suspension in suspensions:
                term = suspension.partner_id.with_company(
                    company
                ).property_payment_term_id
                suspension._check_fee_term(term, today)
                values.append(
                    {
                        "move_type": "out_invoice",
                        "company_id": company.id,
                        "partner_id": suspension.partner_id.id,
                        "invoice_date": today,
                        "invoice_payment_term_id": term.id,
                        "invoice_origin": suspension.display_name,
                        "support_reactivation_suspension_id": suspension.id,
                        "support_reactivation_fee": True,
                        "invoice_line_ids": [fields.Command.create(dict(line))],
                    }
                )
            moves = (
                Move.with_company(company)
                .with_context(default_move_type="out_invoice")
                .create(values)
            )
            for suspension, move in zip(suspensions, moves, strict=True):
                suspension.write({"fee_invoice_id": move.id, "fee_state": "invoiced"})
            if company.support_reactivation_fee_state == "posted":
                moves.action_post()

    def _check_fee_term(self, term, invoice_date):
        """Payment terms that would make the fee due before its invoice date
        (terms made before this module checked them) are refused."""
        due_dates = [line._get_due_date(invoice_date) for line in term.line_ids]
        if due_before_invoice(invoice_date, due_dates):
            raise ValidationError(
                self.env._(
                    "The payment terms %(term)s of %(customer)s would make the "
                    "reactivation fee due before its invoice date %(date)s: "
                    "correct them.",
                    term=term.display_name,
                    customer=self.partner_id.display_name,
                    date=format_date(self.env, invoice_date),
                )
            )

    # -- scheduled action ------------------------------------------------------

    @api.model
    def _cron_overdue_suspension(self):
        """Reactivate the customers who paid, invoice their fees, suspend those
        with overdue invoices.

        One batch of invoices per call: the cron worker commits it and calls
        again while work remains. An invoice leaves the due set in the same
        transaction that suspends (it gets its suspension) or reactivates (its
        suspension is lifted), so a second, overlapping or restarted run
        handles it once.
        """
        today = self.env.company._support_today()
        moves = (
            self.env["account.move"]
            .sudo()
            .with_context(
                tracking_disable=True,
                mail_create_nolog=True,
                mail_notrack=True,
                mail_auto_subscribe_no_notify=True,
            )
        )
        return run_due_batch(
            moves,
            OVERDUE_BATCH_PARAM,
            OVERDUE_BATCH_DEFAULT,
            "id",
            [
                (
                    moves._support_reactivation_domain(),
                    lambda due: due.support_suspension_id._lift_settled(),
                ),
                (
                    moves._support_fee_due_domain(),
                    lambda due: due.support_suspension_id._invoice_reactivation_fees(),
                ),
                (
                    moves._support_overdue_domain(today),
                    lambda due: self._suspend_for_invoices(due, today),
                ),
            ],
        )
