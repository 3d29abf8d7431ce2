from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression
from odoo.tools import SQL, format_amount, format_date

from odoo.addons.support_terms_base.tools import run_due_batch, send_customer_mail

from ..rules.late_payment import all_settled, due_before_invoice, settled_late

REACTIVATED = "support_terms_suspension.mail_template_services_reactivated"


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
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        readonly=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        domain="[('parent_id', '=', False)]",
    )
    line_ids = fields.Many2many(
        "contract.line",
        "support_service_suspension_contract_line_rel",
        "suspension_id",
        "contract_line_id",
        string="Services",
        check_company=True,
        domain="[('contract_id.commercial_partner_id', '=', partner_id), "
        "('contract_id.contract_type', '=', 'sale'), ('display_type', '=', False)]",
    )
    reason = fields.Selection(
        [
            ("overdue", "Overdue payment"),
            ("authority", "Authority order"),
            ("illicit", "Illicit material"),
            ("spam", "Spam"),
            ("intrusion", "Intrusion attempt"),
            ("other", "Other"),
        ],
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
    mail_lifted_text = fields.Char(compute="_compute_mail_texts")
    note = fields.Text(
        string="Internal note",
        groups="support_terms_base.group_support_terms_user",
        help="For staff only (an authority's order, the abuse found): the "
        "customer reads the reason, never this note.",
    )
    invoice_ids = fields.One2many(
        "account.move",
        "support_suspension_id",
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
        [("active", "Active"), ("lifted", "Lifted")],
        required=True,
        default="active",
        readonly=True,
        index=True,
        tracking=True,
        copy=False,
    )
    lift_reason = fields.Selection(
        [
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
    fee_invoice_id = fields.Many2one(
        "account.move", string="Reactivation fee", readonly=True, copy=False
    )
    fee_state = fields.Selection(
        [
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
        string="Fee invoiced (untaxed)", compute="_compute_fee_amount", store=True
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
        "date_start",
        "line_ids.name",
        "invoice_ids.name",
        "reason",
        "fee_invoice_id.name",
        "fee_invoice_id.amount_total",
        "lift_reason",
    )
    @api.depends_context("lang")
    def _compute_mail_texts(self):
        env = self.env
        for suspension in self:
            company, fee = suspension.company_id, suspension.fee_invoice_id
            fee_product = company.support_reactivation_fee_product_id
            invoices = ", ".join(suspension.invoice_ids.mapped("name"))
            services = ", ".join(suspension.line_ids.mapped("name"))
            suspension.mail_date_start = format_date(env, suspension.date_start)
            suspension.mail_services = services
            suspension.mail_reason_text = ""
            if suspension.reason == "overdue" and fee_product:
                suspension.mail_reason_text = env._(
                    "Invoices not paid by their due date: %(invoices)s. The "
                    "services will be reactivated after the payment of every "
                    "invoice above; as our terms say, the reactivation costs "
                    "%(fee)s + VAT.",
                    invoices=invoices,
                    fee=format_amount(env, fee_product.lst_price, company.currency_id),
                )
            elif suspension.reason == "overdue":
                suspension.mail_reason_text = env._(
                    "Invoices not paid by their due date: %(invoices)s. The "
                    "services will be reactivated after the payment of every "
                    "invoice above.",
                    invoices=invoices,
                )
            suspension.mail_fee_text = ""
            if fee:
                suspension.mail_fee_text = env._(
                    "As our terms say, the reactivation fee is charged in invoice "
                    "%(invoice)s (%(amount)s).",
                    invoice=fee.name or "",
                    amount=format_amount(env, fee.amount_total, fee.currency_id),
                )
            if suspension.lift_reason == "credited":
                suspension.mail_lifted_text = env._(
                    "your invoices were settled by a credit note: the services "
                    "%(services)s are active again.",
                    services=services,
                )
            elif suspension.lift_reason == "cancelled":
                suspension.mail_lifted_text = env._(
                    "the invoices the suspension waited for were cancelled: the "
                    "services %(services)s are active again.",
                    services=services,
                )
            else:
                suspension.mail_lifted_text = env._(
                    "thank you for your payment: the services %(services)s are "
                    "active again.",
                    services=services,
                )

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
        for suspension in self:
            suspension.display_name = _(
                "%(customer)s: %(reason)s",
                customer=suspension.partner_id.name or "",
                reason=suspension.reason_label,
            )

    # -- checks ------------------------------------------------------------

    @api.constrains("line_ids", "partner_id")
    def _check_lines(self):
        for suspension in self:
            if not suspension.line_ids:
                raise ValidationError(
                    _("A suspension needs at least one service line to suspend.")
                )
            foreign = suspension.line_ids.filtered_domain(
                [("contract_id.commercial_partner_id", "!=", suspension.partner_id.id)]
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
        if any(s.invoice_ids and s.reason != "overdue" for s in self):
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
        """Lift these suspensions because of ``reason`` (a ``lift_reason``);
        ``fee_state`` is what becomes of the fee unless one is already
        invoiced. Their lines come back unless another suspension holds them."""
        self.write({"state": "lifted", "lift_reason": reason})
        for company, suspensions in self.grouped("company_id").items():
            suspensions.date_lifted = company._support_today()
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

    def action_lift(self):
        """A manager lifts a suspension; overdue ones lift by themselves when paid."""
        # who may lift is who may write a suspension: the access lists say it
        self.check_access("write")
        active = self.filtered(lambda s: s.state == "active")._lock("active")
        active._lift("manager", "waived")
        for suspension in active:
            suspension.message_post(
                body=_("Suspension lifted by %(user)s.", user=self.env.user.name)
            )
        return True

    def _lock(self, state):
        """Wait for and lock these rows, and return those in ``state`` once
        locked: a payment and the scheduled action reactivating the same
        suspension at once are serialized here."""
        if self:
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM support_service_suspension "
                    "WHERE id IN %s FOR UPDATE",
                    tuple(self.ids),
                )
            )
            self.invalidate_recordset(["state", "fee_invoice_id", "fee_state"])
        return self.filtered(lambda s: s.state == state)

    def _send_mail(self, template_xmlid):
        send_customer_mail(
            self.filtered(
                lambda s: s.company_id.support_suspension_email or s.state == "lifted"
            ),
            template_xmlid,
        )

    # -- what the invoices tell ----------------------------------------------

    @api.model
    def _release_invoices(self, invoices):
        """These invoices were cancelled or reset to draft: the overdue
        suspensions stop waiting for them, a lifted one too (a payment undone
        would reopen it). One left with nothing to wait for lifts without fee;
        the others lift if what they wait for is settled."""
        # the customer's services follow its invoices, whoever changes them
        invoices = invoices.sudo().filtered("support_suspension_id")
        if not invoices:
            return
        overdue = invoices.support_suspension_id._lock("active")
        released = invoices.grouped("support_suspension_id")
        self.env["account.move"].flush_model(["support_suspension_id"])
        self.env.cr.execute(
            SQL(
                "UPDATE account_move SET support_suspension_id = NULL WHERE id IN %s",
                tuple(invoices.ids),
            )
        )
        invoices.invalidate_recordset(["support_suspension_id"])
        self.invalidate_model(["invoice_ids"])
        for suspension, moves in released.items():
            suspension.message_post(
                body=_(
                    "Invoices %(invoices)s cancelled or back to draft: the "
                    "suspension no longer waits for them.",
                    invoices=", ".join(moves.mapped("display_name")),
                )
            )
        emptied = overdue.filtered(lambda s: not s.invoice_ids)
        if emptied:
            emptied._lift("cancelled", "none")
            emptied._send_mail(REACTIVATED)
        (overdue - emptied)._lift_settled()

    # -- suspend, settle, invoice the fee -------------------------------------

    @api.model
    def _suspend_for_invoices(self, moves):
        """One overdue suspension per customer and company for these invoices:
        the open one (to which new services are added), else the lifted one
        of an invoice whose payment was undone, else a new one over the
        services in force. A constant number of queries per batch."""
        invoices = moves.grouped(
            lambda m: (m.company_id.id, m.commercial_partner_id.id)
        )
        partner_ids = moves.commercial_partner_id.ids
        targets = dict(
            self.search(
                [
                    ("state", "=", "active"),
                    ("reason", "=", "overdue"),
                    ("partner_id", "in", partner_ids),
                ]
            ).grouped(lambda s: (s.company_id.id, s.partner_id.id))
        )
        # a payment undone after the lift: the suspension comes back, its fee
        # judged again on the real payment (one already invoiced stays and is
        # never charged twice)
        reopened = self
        for suspension in moves.support_suspension_id.filtered(
            lambda s: s.state == "lifted"
        ):
            key = (suspension.company_id.id, suspension.partner_id.id)
            if key not in targets:
                targets[key] = suspension
                reopened |= suspension
                suspension.fee_state = (
                    "invoiced" if suspension.fee_invoice_id else False
                )
        reopened.write({"state": "active", "date_lifted": False, "lift_reason": False})
        reopened._suspend_lines()
        Line = self.env["contract.line"]
        # each company on its own day
        today = {company.id: company._support_today() for company in moves.company_id}
        lines = Line.search(
            expression.OR(
                [
                    [("company_id", "=", company_id)]
                    + Line._support_in_force_domain(day)
                    for company_id, day in today.items()
                ]
            )
            + [("contract_id.commercial_partner_id", "in", partner_ids)]
        ).grouped(
            lambda line: (line.company_id.id, line.contract_id.commercial_partner_id.id)
        )
        to_create = []
        for key in invoices:
            if key in targets:
                new_lines = lines.get(key, Line) - targets[key].line_ids
                if new_lines:
                    targets[key].line_ids |= new_lines
            elif key in lines:
                to_create.append(
                    {
                        "company_id": key[0],
                        "partner_id": key[1],
                        "reason": "overdue",
                        "date_start": today[key[0]],
                        "line_ids": [fields.Command.set(lines[key].ids)],
                    }
                )
        created = self.create(to_create)
        targets.update(created.grouped(lambda s: (s.company_id.id, s.partner_id.id)))
        pairs = [
            SQL("(%s, %s)", move_id, targets[key].id)
            for key, group in invoices.items()
            if key in targets
            for move_id in group.ids
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
                       AND NOT EXISTS (
                           SELECT 1
                             FROM support_service_suspension s
                            WHERE s.id = m.support_suspension_id
                              AND s.state != 'lifted'
                       )
                    """,
                    SQL(", ").join(pairs),
                )
            )
            self.env["account.move"].invalidate_model(["support_suspension_id"])
            self.invalidate_model(["invoice_ids"])
        (created | reopened)._send_mail(
            "support_terms_suspension.mail_template_services_suspended"
        )
        return created | reopened

    def _lift_settled(self):
        """Lift the overdue suspensions whose invoices are all settled, once
        even when a payment and the scheduled action do it at the same moment
        (the row lock). Paid late (``rules.late_payment.settled_late``, on the
        payment dates) costs the fee, left to the scheduled action: a payment
        never fails because of it. Runs as superuser: its callers (a payment's
        or a credit note's hooks, the invoices released, the scheduled action)
        elevate, whoever settles the invoices."""
        # only a suspension for overdue payment waits for invoices
        settled = (
            self.filtered(lambda s: s.state == "active")
            ._lock("active")
            .filtered(lambda s: all_settled(s.invoice_ids.mapped("payment_state")))
        )
        rows = settled.invoice_ids._support_paid_on_rows()
        paid_on = {move_id: (date_due, paid) for move_id, _p, date_due, paid in rows}
        dates = {s: [paid_on[move.id] for move in s.invoice_ids] for s in settled}
        to_invoice = settled.filtered(
            lambda s: s.company_id.support_reactivation_fee_product_id
            and not s.fee_invoice_id
            and settled_late(dates[s], s.company_id.support_overdue_grace_days)
        )
        for (reason, fee_state), group in settled.grouped(
            lambda s: (
                "paid" if any(paid for _due, paid in dates[s]) else "credited",
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
                cron._trigger()
        (settled - to_invoice)._send_mail(REACTIVATED)

    def _invoice_reactivation_fees(self):
        """Invoice the fee of these lifted suspensions once each, dated today
        and due on the customer's payment terms (else the company's default
        ones), then tell the customer the services are active again."""
        due = self._lock("lifted").filtered(
            lambda s: s.fee_state == "to_invoice" and not s.fee_invoice_id
        )
        # a fresh context: a caller's (e.g. skip_invoice_sync) would leave the
        # new invoice's journal items unbalanced at 0
        Move = self.env(context={"default_move_type": "out_invoice"})["account.move"]
        for company, suspensions in (
            due.filtered("company_id.support_reactivation_fee_product_id")
            .grouped("company_id")
            .items()
        ):
            product = company.support_reactivation_fee_product_id
            today = company._support_today()
            line = {
                "product_id": product.id,
                "price_unit": product.with_company(company).lst_price,
            }
            taxes = product.product_tmpl_id._support_sale_taxes(company)
            if not taxes and company.account_sale_tax_id:
                line["tax_ids"] = [fields.Command.set(company.account_sale_tax_id.ids)]
            values = []
            for suspension in suspensions:
                partner = suspension.partner_id
                term = partner.with_company(company).property_payment_term_id
                # terms made before the payment terms were checked
                due_dates = [
                    term_line._get_due_date(today) for term_line in term.line_ids
                ]
                if due_before_invoice(today, due_dates):
                    raise ValidationError(
                        self.env._(
                            "The payment terms %(term)s of %(customer)s would "
                            "make the reactivation fee due before its invoice "
                            "date %(date)s: correct them.",
                            term=term.display_name,
                            customer=partner.display_name,
                            date=format_date(self.env, today),
                        )
                    )
                values.append(
                    {
                        "move_type": "out_invoice",
                        "company_id": company.id,
                        "partner_id": partner.id,
                        "invoice_date": today,
                        "invoice_payment_term_id": term.id,
                        "invoice_origin": suspension.display_name,
                        "support_reactivation_suspension_id": suspension.id,
                        "support_reactivation_fee": True,
                        "invoice_line_ids": [fields.Command.create(dict(line))],
                    }
                )
            moves = Move.with_company(company).create(values)
            for suspension, move in zip(suspensions, moves, strict=True):
                suspension.write({"fee_invoice_id": move.id, "fee_state": "invoiced"})
            if company.support_reactivation_fee_state == "posted":
                moves.action_post()
        due.filtered(lambda s: s.fee_state != "invoiced").write({"fee_state": "none"})
        due._send_mail(REACTIVATED)

    # -- scheduled action ------------------------------------------------------

    @api.model
    def _cron_overdue_suspension(self):
        """Reactivate the customers who paid, invoice their fees, suspend those
        with overdue invoices: one batch of invoices per call (see
        ``run_due_batch``), each leaving the due set in the transaction that
        handles it."""
        moves = self.env["account.move"].with_context(
            tracking_disable=True,
            mail_create_nolog=True,
            mail_notrack=True,
            mail_auto_subscribe_no_notify=True,
        )
        return run_due_batch(
            moves,
            "support_terms.overdue_suspension_batch_size",
            500,
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
                (moves._support_overdue_domain(), self._suspend_for_invoices),
            ],
        )
