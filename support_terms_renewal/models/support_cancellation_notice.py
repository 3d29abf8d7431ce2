from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_date, format_datetime

from ..rules import renewal as renewal_rules

NOTICE_CHANNELS = [
    ("registered_mail", "Registered mail"),
    ("pec", "PEC"),
    ("portal", "Portal request"),
    ("email", "Email"),
    ("other", "Other"),
]


# what only a manager writes, through action_confirm and action_reset_draft
DECISION_FIELDS = {
    "state",
    "rejection_reason",
    "confirmed_datetime",
    "result_ids",
    "refund_move_ids",
}
# what a notice is decided on: frozen once it is decided
FACT_FIELDS = {
    "company_id",
    "partner_id",
    "contract_line_ids",
    "received_at",
    "sent_date",
    "channel",
    "requested_end_date",
    "note",
    "attachment_ids",
}


class SupportCancellationNotice(models.Model):
    """A customer's notice that it does not want its services renewed.

    Its value depends on when it was sent or received and by which channel:
    the terms accept some channels only (registered mail, PEC), a notice
    judged after a service's notice deadline lets the renewal happen once
    (judged on the day it was sent or received, as the company's terms say),
    and a support plan is refunded when the notice reached the provider
    within the refund window after the purchase.
    """

    _name = "support.cancellation.notice"
    _description = "Cancellation Notice"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "received_at desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        domain="[('parent_id', '=', False)]",
    )
    contract_line_ids = fields.Many2many(
        comodel_name="contract.line",
        relation="support_cancellation_notice_contract_line_rel",
        column1="notice_id",
        column2="contract_line_id",
        string="Services",
        check_company=True,
        domain="[('contract_id.partner_id', 'child_of', partner_id), "
        "('is_canceled', '=', False), ('display_type', '=', False)]",
    )
    received_at = fields.Datetime(
        string="Received at",
        required=True,
        default=fields.Datetime.now,
        tracking=True,
        help="When the notice reached us (for a registered letter, the "
        "delivery on the return receipt; for a PEC, its delivery receipt).",
    )
    received_date = fields.Date(
        string="Received on",
        compute="_compute_received_date",
        store=True,
        help="The day of reception, in the company's time zone.",
    )
    sent_date = fields.Date(
        string="Sent on",
        compute="_compute_sent_date",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        tracking=True,
        help="The day the customer sent it: postmark of the registered letter, "
        "acceptance receipt of the PEC, day of the portal request. Defaults "
        "to the day it was received.",
    )
    channel = fields.Selection(
        selection=NOTICE_CHANNELS,
        required=True,
        default="registered_mail",
        tracking=True,
    )
    attachment_ids = fields.Many2many(
        comodel_name="ir.attachment",
        string="Proof",
        help="The scanned letter and return receipt, or the PEC receipt.",
    )
    requested_end_date = fields.Date(
        string="Terminate on",
        help="Empty: the services end at the end of their period. A date "
        "before it ends them early, without any refund.",
    )
    note = fields.Text(string="Customer's message")
    accepted_channels = fields.Char(
        string="Valid channels",
        compute="_compute_accepted_channels",
        help="The channels by which the terms accept a cancellation.",
    )
    channel_accepted = fields.Boolean(compute="_compute_accepted_channels")
    judged_on = fields.Selection(
        related="company_id.support_notice_judged_on",
        string="Deadline judged on",
    )
    on_time = fields.Boolean(
        compute="_compute_on_time",
        store=True,
        help="Sent (or received, as the terms say) on or before the notice "
        "deadline of every service.",
    )
    state = fields.Selection(
        selection=[
            ("draft", "To confirm"),
            ("confirmed", "Confirmed"),
            ("rejected", "Rejected"),
        ],
        default="draft",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
    )
    rejection_reason = fields.Text(readonly=True)
    confirmed_datetime = fields.Datetime(string="Confirmed on", readonly=True)
    result_ids = fields.One2many(
        comodel_name="support.cancellation.notice.result",
        inverse_name="notice_id",
        string="Outcome",
        readonly=True,
    )
    refund_move_ids = fields.Many2many(
        comodel_name="account.move",
        string="Credit notes",
        readonly=True,
        copy=False,
    )

    @api.depends("received_at", "company_id")
    def _compute_received_date(self):
        for notice in self:
            notice.received_date = notice._local_day(notice.received_at)

    @api.depends("received_at", "company_id")
    def _compute_sent_date(self):
        for notice in self:
            received = notice._local_day(notice.received_at)
            if received and (not notice.sent_date or notice.sent_date > received):
                notice.sent_date = received

    def _local_day(self, moment):
        """The day of ``moment`` in the company's (else the user's) time zone."""
        self.ensure_one()
        if not moment:
            return False
        tz = self.company_id.partner_id.tz or self.env.user.tz or "UTC"
        return fields.Date.context_today(self.with_context(tz=tz), timestamp=moment)

    def _judged_day(self):
        """The day the notice deadline is judged on, as the terms say."""
        self.ensure_one()
        if self.company_id.support_notice_judged_on == "received":
            return self.received_date
        return self.sent_date

    @api.depends(
        "company_id.support_notice_registered_mail",
        "company_id.support_notice_pec",
        "company_id.support_notice_portal",
        "company_id.support_notice_email",
        "channel",
    )
    def _compute_accepted_channels(self):
        for notice in self:
            company = notice.company_id
            notice.accepted_channels = company.support_notice_channels_label
            notice.channel_accepted = (
                notice.channel in company._support_notice_channels()
            )

    @api.depends(
        "received_date",
        "sent_date",
        "company_id.support_notice_judged_on",
        "contract_line_ids.notice_deadline",
        "contract_line_ids.date_end",
        "state",
        "result_ids.outcome",
    )
    def _compute_on_time(self):
        for notice in self:
            if notice.result_ids:
                notice.on_time = all(
                    r.outcome in ("on_time", "early", "refunded")
                    for r in notice.result_ids
                )
                continue
            judged = notice._judged_day()
            lines = notice.contract_line_ids.filtered("date_end")
            terms = [line._notice_terms(judged) for line in lines if judged]
            notice.on_time = bool(terms) and all(
                renewal_rules.notice_outcome(judged, deadline, renewed)
                == renewal_rules.ON_TIME
                for deadline, renewed in terms
            )

    @api.constrains("received_at", "sent_date")
    def _check_dates(self):
        now = fields.Datetime.now()
        for notice in self:
            if notice.received_at > now:
                raise ValidationError(
                    self.env._(
                        "Notice %(notice)s: it cannot have been received in the "
                        "future (%(received)s).",
                        notice=notice.name,
                        received=format_datetime(self.env, notice.received_at),
                    )
                )
            if notice.sent_date > notice.received_date:
                raise ValidationError(
                    self.env._(
                        "Notice %(notice)s: it was received on %(received)s, so "
                        "it cannot have been sent later, on %(sent)s.",
                        notice=notice.name,
                        received=format_date(self.env, notice.received_date),
                        sent=format_date(self.env, notice.sent_date),
                    )
                )

    @api.constrains("contract_line_ids", "partner_id", "received_at")
    def _check_lines(self):
        for notice in self:
            if not notice.contract_line_ids:
                raise ValidationError(
                    self.env._("A cancellation notice must name at least one service.")
                )
            endless = notice.contract_line_ids.filtered(lambda line: not line.date_end)
            if endless:
                raise ValidationError(
                    self.env._(
                        "Services %(services)s have no end date: they are not "
                        "renewed, so there is no period to cancel. Give them an "
                        "end date on their contract instead.",
                        services=", ".join(endless.mapped("name")),
                    )
                )
            commercial = notice.partner_id.commercial_partner_id
            foreign = notice.contract_line_ids.filtered(
                lambda line,
                c=commercial: line.contract_id.partner_id.commercial_partner_id != c
            )
            if foreign:
                raise ValidationError(
                    self.env._(
                        "Services %(services)s are not contracts of %(customer)s.",
                        services=", ".join(foreign.mapped("name")),
                        customer=commercial.display_name,
                    )
                )
            for contract in notice.contract_line_ids.contract_id:
                start = min(contract.contract_line_ids.mapped("date_start"))
                if notice.received_date < start:
                    raise ValidationError(
                        self.env._(
                            "The notice was received on %(received)s, before "
                            "contract %(contract)s started (%(start)s).",
                            received=notice.received_date,
                            contract=contract.display_name,
                            start=start,
                        )
                    )

    @api.constrains("contract_line_ids", "state", "received_at", "sent_date")
    def _check_one_notice_per_period(self):
        """One open or confirmed notice per service and period."""
        for notice in self.filtered(lambda n: n.state in ("draft", "confirmed")):
            mine = notice._period_keys()
            others = self.search(
                [
                    ("id", "!=", notice.id),
                    ("state", "in", ("draft", "confirmed")),
                    ("company_id", "=", notice.company_id.id),
                    (
                        "contract_line_ids",
                        "in",
                        (
                            notice.contract_line_ids
                            | notice.result_ids.contract_line_id
                        ).ids,
                    ),
                ]
            )
            others |= self.search(
                [
                    ("id", "!=", notice.id),
                    ("state", "=", "confirmed"),
                    (
                        "result_ids.contract_line_id",
                        "in",
                        notice.contract_line_ids.mapped(
                            lambda line: line._current_line().id
                        ),
                    ),
                ]
            )
            for other in others.sorted("id"):
                shared = set(mine) & set(other._period_keys())
                if shared:
                    line = self.env["contract.line"].browse(next(iter(shared))[0])
                    raise ValidationError(
                        self.env._(
                            "%(service)s already has cancellation notice "
                            "%(notice)s (%(state)s) for this period: a second "
                            "notice is not needed. Reject or complete that one.",
                            service=line.name,
                            notice=other.name,
                            state=dict(
                                self._fields["state"]._description_selection(self.env)
                            )[other.state],
                        )
                    )

    def _period_keys(self):
        """{(current line id, last day to cancel)}: the periods noticed."""
        self.ensure_one()
        if self.state == "confirmed":
            return {
                (r.contract_line_id._current_line().id, r.notice_deadline)
                for r in self.result_ids
            }
        judged = self._judged_day()
        return {
            (line._current_line().id, line._notice_terms(judged)[0])
            for line in self.contract_line_ids
            if line.date_end and judged
        }

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("state", "draft") != "draft" or any(
                vals.get(name) for name in DECISION_FIELDS - {"state"}
            ):
                self._check_manager()
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code(
                    "support.cancellation.notice"
                ) or self.env._("New")
            if vals.get("partner_id"):
                partner = self.env["res.partner"].browse(vals["partner_id"])
                vals["partner_id"] = partner.commercial_partner_id.id
        return super().create(vals_list)

    def _check_manager(self):
        """Only a support terms manager decides a notice: its state and outcome
        change the services and may refund the customer."""
        if self.env.su:
            return
        if not self.env.user.has_group(
            "support_terms_base.group_support_terms_manager"
        ):
            raise AccessError(
                self.env._(
                    "Only a support terms manager can decide a cancellation notice."
                )
            )
        self.check_access("write")

    def write(self, vals):
        if FACT_FIELDS & set(vals):
            decided = self.filtered(lambda n: n.state != "draft")
            if decided:
                raise UserError(
                    self.env._(
                        "Notice %(notice)s is already decided: what it was "
                        "decided on cannot change. A rejected notice goes back "
                        "to be confirmed first; a confirmed one never changes.",
                        notice=decided[0].name,
                    )
                )
        if DECISION_FIELDS & set(vals):
            self._check_manager()
            if vals.get("state", "confirmed") != "confirmed" and any(
                notice.state == "confirmed" for notice in self
            ):
                raise self._only_rejected_back_to_draft()
        return super().write(vals)

    def action_confirm(self):
        """Apply the notice to each service and tell the customer why."""
        self._check_manager()
        # checked: the manager decides, the notice then changes contract lines
        # and books refunds, rights of accounting that a support manager need
        # not hold
        for notice in self.sudo():
            if notice.state != "draft":
                raise UserError(
                    self.env._(
                        "Notice %(notice)s is already decided.", notice=notice.name
                    )
                )
            if not notice.channel_accepted:
                notice._reject()
            else:
                notice._apply()
        return True

    def _only_rejected_back_to_draft(self):
        return UserError(
            self.env._(
                "Only a rejected notice can go back to be confirmed; a "
                "confirmed one has already changed the services."
            )
        )

    def action_reset_draft(self):
        self._check_manager()
        for notice in self:
            if notice.state != "rejected":
                raise self._only_rejected_back_to_draft()
        self.write({"state": "draft", "rejection_reason": False})

    def _reject(self):
        self.ensure_one()
        labels = dict(self._fields["channel"]._description_selection(self.env))
        self.write(
            {
                "state": "rejected",
                "rejection_reason": self.env._(
                    "The notice arrived by %(channel)s; the terms accept a "
                    "cancellation only by: %(accepted)s.",
                    channel=labels[self.channel],
                    accepted=self.accepted_channels,
                ),
            }
        )
        self._notify_customer(
            "support_terms_renewal.mail_template_cancellation_rejected"
        )

    def _apply(self):
        self.ensure_one()
        now = fields.Datetime.now()
        results = []
        for line in self.contract_line_ids:
            results.append(Command.create(line._apply_cancellation(self)))
        self.write(
            {"state": "confirmed", "confirmed_datetime": now, "result_ids": results}
        )
        self._post_on_contracts()
        self._notify_customer(
            "support_terms_renewal.mail_template_cancellation_confirmed"
        )

    def _post_on_contracts(self):
        for contract in self.contract_line_ids.contract_id:
            results = self.result_ids.filtered(
                lambda r, c=contract: r.contract_line_id.contract_id == c
            )
            body = Markup("<p>%s</p><ul>%s</ul>") % (
                self.env._(
                    "Cancellation notice %(notice)s confirmed:", notice=self.name
                ),
                Markup().join(
                    Markup("<li>%s: %s</li>") % (r.contract_line_id.name, r.explanation)
                    for r in results
                ),
            )
            contract.message_post(body=body)

    def _notify_customer(self, template_xmlid):
        template = self.env.ref(template_xmlid)
        for notice in self:
            notice.with_context(mail_notify_force_send=False).message_post_with_source(
                template,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=notice.partner_id.ids,
            )

    def _refund_lines(self, lines):
        """A full credit note of what was invoiced for ``lines``."""
        invoice_lines = self.env["account.move.line"].search(
            [
                ("contract_line_id", "in", lines.ids),
                ("move_id.move_type", "=", "out_invoice"),
                ("move_id.state", "=", "posted"),
            ]
        )
        refunds = self.env["account.move"]
        for invoice in invoice_lines.move_id:
            refund = self.env["account.move"].create(
                {
                    "move_type": "out_refund",
                    "partner_id": invoice.partner_id.id,
                    "company_id": invoice.company_id.id,
                    "currency_id": invoice.currency_id.id,
                    "journal_id": invoice.journal_id.id,
                    "reversed_entry_id": invoice.id,
                    "invoice_origin": self.name,
                    "ref": self.env._(
                        "Refund of %(invoice)s (cancellation %(notice)s)",
                        invoice=invoice.name,
                        notice=self.name,
                    ),
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": line.product_id.id,
                                "name": line.name,
                                "quantity": line.quantity,
                                "price_unit": line.price_unit,
                                "discount": line.discount,
                                "tax_ids": [Command.set(line.tax_ids.ids)],
                            }
                        )
                        for line in invoice_lines.filtered(
                            lambda ln, inv=invoice: ln.move_id == inv
                        )
                    ],
                }
            )
            refund.action_post()
            refunds |= refund
        self.refund_move_ids |= refunds
        return refunds


class SupportCancellationNoticeResult(models.Model):
    """What a confirmed notice did to one service, and why."""

    _name = "support.cancellation.notice.result"
    _description = "Cancellation Notice Outcome"
    _order = "id"

    notice_id = fields.Many2one(
        comodel_name="support.cancellation.notice",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(related="notice_id.company_id", store=True)
    contract_line_id = fields.Many2one(
        comodel_name="contract.line", string="Service", required=True, index=True
    )
    outcome = fields.Selection(
        selection=[
            ("on_time", "On time: not renewed"),
            ("late", "Late: renewed once"),
            ("early", "Early termination, no refund"),
            ("refunded", "Refunded in full"),
        ],
        required=True,
    )
    notice_deadline = fields.Date(string="Last day to cancel")
    end_date = fields.Date(string="Service ends on")
    explanation = fields.Char(compute="_compute_explanation")

    def init(self):
        # a service is refunded once, whatever the number of notices
        self.env.cr.execute(
            "CREATE UNIQUE INDEX IF NOT EXISTS support_notice_result_refund_once "
            "ON support_cancellation_notice_result (contract_line_id) "
            "WHERE outcome = 'refunded'"
        )

    @api.depends(
        "outcome",
        "notice_deadline",
        "end_date",
        "notice_id.sent_date",
        "notice_id.received_date",
        "notice_id.judged_on",
    )
    def _compute_explanation(self):
        for result in self:
            notice = result.notice_id
            received = (
                self.env._("sent on %(day)s", day=notice.sent_date)
                if notice.judged_on == "sent"
                else self.env._("received on %(day)s", day=notice.received_date)
            )
            if result.outcome == "on_time":
                text = self.env._(
                    "%(received)s, by the last day to cancel "
                    "(%(deadline)s): the service ends on %(end)s and is not "
                    "renewed.",
                    received=received,
                    deadline=result.notice_deadline,
                    end=result.end_date,
                )
            elif result.outcome == "late":
                text = self.env._(
                    "%(received)s, after the last day to cancel "
                    "(%(deadline)s): the renewal is due, the service is renewed "
                    "once and ends on %(end)s.",
                    received=received,
                    deadline=result.notice_deadline,
                    end=result.end_date,
                )
            elif result.outcome == "early":
                text = self.env._(
                    "terminated early on %(end)s as requested; the period "
                    "already paid is not refunded.",
                    end=result.end_date,
                )
            else:
                text = self.env._(
                    "cancelled within the refund window after purchase: "
                    "refunded in full by a credit note."
                )
            result.explanation = text
