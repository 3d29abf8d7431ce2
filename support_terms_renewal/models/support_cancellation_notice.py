from psycopg2 import errors

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, format_date, format_datetime

from odoo.addons.support_terms_base.tools import check_manager, send_customer_mail

from ..rules import renewal as renewal_rules

# what only a manager writes, through action_confirm and action_reset_draft
DECISION_FIELDS = {
    "state",
    "rejection_channels",
    "confirmed_datetime",
    "result_ids",
    "refund_move_ids",
}
# what the periods a notice names depend on
PERIOD_FIELDS = {"state", "contract_line_ids", "received_at", "sent_date", "result_ids"}
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

    The terms accept some channels only; a notice sent (or received, as the
    terms say) after a service's last day to cancel lets the renewal happen
    once; a support plan noticed within its refund window is refunded.
    """

    _name = "support.cancellation.notice"
    _description = "Cancellation Notice"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "received_at desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        "Reference", required=True, readonly=True, copy=False, default="/"
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one(
        "res.partner",
        "Customer",
        required=True,
        index=True,
        tracking=True,
        domain="[('parent_id', '=', False)]",
    )
    contract_line_ids = fields.Many2many(
        "contract.line",
        relation="support_cancellation_notice_contract_line_rel",
        column1="notice_id",
        column2="contract_line_id",
        string="Services",
        check_company=True,
        domain="[('contract_id.partner_id', 'child_of', partner_id), "
        "('is_canceled', '=', False), ('display_type', '=', False)]",
    )
    received_at = fields.Datetime(
        "Received at",
        required=True,
        default=fields.Datetime.now,
        tracking=True,
        help="When the notice reached us (for a registered letter, the "
        "delivery on the return receipt; for a PEC, its delivery receipt).",
    )
    received_date = fields.Date(
        "Received on",
        compute="_compute_received_date",
        store=True,
        help="The day of reception, in the company's time zone.",
    )
    sent_date = fields.Date(
        "Sent on",
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
        [
            ("registered_mail", "Registered mail"),
            ("pec", "PEC"),
            ("portal", "Portal request"),
            ("email", "Email"),
            ("other", "Other"),
        ],
        required=True,
        default="registered_mail",
        tracking=True,
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        string="Proof",
        help="The scanned letter and return receipt, or the PEC receipt.",
    )
    requested_end_date = fields.Date(
        "Terminate on",
        help="Empty: the services end at the end of their period. A date "
        "before it ends them early, without any refund.",
    )
    note = fields.Text("Customer's message")
    accepted_channels = fields.Char(
        "Valid channels", related="company_id.support_notice_channels_label"
    )
    channel_accepted = fields.Boolean(compute="_compute_channel_accepted")
    judged_on = fields.Selection(
        related="company_id.support_notice_judged_on", string="Deadline judged on"
    )
    on_time = fields.Boolean(
        compute="_compute_on_time",
        store=True,
        help="Sent (or received, as the terms say) on or before the notice "
        "deadline of every service.",
    )
    state = fields.Selection(
        [("draft", "To confirm"), ("confirmed", "Confirmed"), ("rejected", "Rejected")],
        default="draft",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
    )
    # codes, comma separated
    rejection_channels = fields.Char(
        "Channels accepted when rejected", readonly=True, copy=False
    )
    rejection_reason = fields.Text(compute="_compute_rejection_reason")
    confirmed_datetime = fields.Datetime("Confirmed on", readonly=True)
    result_ids = fields.One2many(
        "support.cancellation.notice.result", "notice_id", "Outcome", readonly=True
    )
    refund_move_ids = fields.Many2many(
        "account.move", string="Credit notes", readonly=True, copy=False
    )

    @api.depends("state", "rejection_channels", "channel")
    @api.depends_context("lang")
    def _compute_rejection_reason(self):
        labels = dict(self._fields["channel"]._description_selection(self.env))
        self.rejection_reason = False
        for notice in self.filtered(lambda n: n.state == "rejected"):
            codes = (
                notice.rejection_channels.split(",")
                if notice.rejection_channels
                else notice.company_id._support_notice_channels()
            )
            notice.rejection_reason = self.env._(
                "The notice arrived by %(channel)s; the terms accept a "
                "cancellation only by: %(accepted)s.",
                channel=labels.get(notice.channel, notice.channel),
                accepted=self.env._(" or ").join(
                    labels.get(code, code) for code in codes
                ),
            )

    @api.depends("received_at", "company_id")
    def _compute_received_date(self):
        for notice in self:
            notice.received_date = notice.company_id._support_date_of(
                notice.received_at
            )

    @api.depends("received_at", "company_id")
    def _compute_sent_date(self):
        for notice in self:
            received = notice.company_id._support_date_of(notice.received_at)
            if received and (not notice.sent_date or notice.sent_date > received):
                notice.sent_date = received

    def _judged_day(self):
        """The day the notice deadline is judged on, as the terms say."""
        self.ensure_one()
        return self.received_date if self.judged_on == "received" else self.sent_date

    @api.depends(
        "company_id.support_notice_registered_mail",
        "company_id.support_notice_pec",
        "company_id.support_notice_portal",
        "company_id.support_notice_email",
        "channel",
    )
    def _compute_channel_accepted(self):
        for notice in self:
            notice.channel_accepted = (
                notice.channel in notice.company_id._support_notice_channels()
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
            lines = notice.contract_line_ids.filtered("date_end") if judged else []
            notice.on_time = bool(lines) and all(
                renewal_rules.notice_outcome(judged, *line._noticed_period(judged)[:2])
                == renewal_rules.ON_TIME
                for line in lines
            )

    @api.constrains("received_at", "sent_date", "contract_line_ids", "partner_id")
    def _check_facts(self):
        """Possible dates; the services named have an end, are the customer's
        and had started when the notice arrived."""
        for notice in self:
            if notice.received_at > fields.Datetime.now():
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
            lines = notice.contract_line_ids
            if not lines:
                raise ValidationError(
                    self.env._("A cancellation notice must name at least one service.")
                )
            endless = lines.filtered(lambda line: not line.date_end)
            if endless:
                raise ValidationError(
                    self.env._(
                        "Services %(services)s have no end date: they are not "
                        "renewed, so there is no period to cancel. Give them an "
                        "end date on their contract instead.",
                        services=", ".join(endless.mapped("name")),
                    )
                )
            customer = notice.partner_id.commercial_partner_id
            foreign = lines - lines.filtered_domain(
                [("contract_id.partner_id.commercial_partner_id", "=", customer.id)]
            )
            if foreign:
                raise ValidationError(
                    self.env._(
                        "Services %(services)s are not contracts of %(customer)s.",
                        services=", ".join(foreign.mapped("name")),
                        customer=customer.display_name,
                    )
                )
            for contract in lines.contract_id:
                start = min(contract.contract_line_ids.mapped("date_start"))
                if notice.received_date < start:
                    raise ValidationError(
                        self.env._(
                            "The notice was received on %(received)s, before "
                            "contract %(contract)s started (%(start)s).",
                            received=format_date(self.env, notice.received_date),
                            contract=contract.display_name,
                            start=format_date(self.env, start),
                        )
                    )

    def init(self):
        # the periods named by the open and confirmed notices: its unique key
        # refuses a second notice for a period even when two are recorded at
        # the same instant (two portal requests)
        self.env.cr.execute(
            SQL(
                """
                CREATE TABLE IF NOT EXISTS support_cancellation_notice_period (
                    notice_id integer NOT NULL
                        REFERENCES support_cancellation_notice (id)
                        ON DELETE CASCADE,
                    contract_line_id integer NOT NULL
                        REFERENCES contract_line (id) ON DELETE CASCADE,
                    notice_deadline date,
                    CONSTRAINT support_cancellation_notice_period_uniq
                        UNIQUE (contract_line_id, notice_deadline)
                );
                CREATE INDEX IF NOT EXISTS support_cancellation_notice_period_notice
                    ON support_cancellation_notice_period (notice_id)
                """
            )
        )

    def _sync_periods(self):
        """Record the periods these notices name while they are open or
        confirmed; a period another notice names is refused."""
        self.flush_recordset()
        cr = self.env.cr
        cr.execute(
            SQL(
                "DELETE FROM support_cancellation_notice_period "
                "WHERE notice_id = ANY(%s)",
                self.ids,
            )
        )
        rows = [
            SQL("(%s, %s, %s)", notice.id, line_id, deadline)
            for notice in self
            if notice.state in ("draft", "confirmed")
            for line_id, deadline in sorted(
                notice._period_keys(), key=lambda key: (key[0], str(key[1]))
            )
        ]
        if not rows:
            return
        try:
            with cr.savepoint(flush=False):
                cr.execute(
                    SQL(
                        "INSERT INTO support_cancellation_notice_period "
                        "(notice_id, contract_line_id, notice_deadline) VALUES %s",
                        SQL(", ").join(rows),
                    )
                )
        except errors.UniqueViolation:
            raise ValidationError(
                self.env._(
                    "These services already have a cancellation notice for this "
                    "period: a second notice is not needed."
                )
            ) from None

    @api.constrains("contract_line_ids", "state", "received_at", "sent_date")
    def _check_one_notice_per_period(self):
        """One open or confirmed notice per service and period, named."""
        for notice in self.filtered(lambda n: n.state in ("draft", "confirmed")):
            mine = notice._period_keys()
            lines = notice.contract_line_ids | notice.result_ids.contract_line_id
            current = notice.contract_line_ids.mapped(lambda ln: ln._current_line().id)
            others = self.search(
                [
                    ("id", "!=", notice.id),
                    ("company_id", "=", notice.company_id.id),
                    "|",
                    "&",
                    ("state", "in", ("draft", "confirmed")),
                    ("contract_line_ids", "in", lines.ids),
                    "&",
                    ("state", "=", "confirmed"),
                    ("result_ids.contract_line_id", "in", current),
                ]
            )
            for other in others.sorted("id"):
                shared = mine & other._period_keys()
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
            (line._current_line().id, line._noticed_period(judged)[0])
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
        notices = super().create(vals_list)
        notices._sync_periods()
        return notices

    def _check_manager(self):
        # its state and outcome change the services and may refund the customer
        check_manager(
            self,
            self.env._(
                "Only a support terms manager can decide a cancellation notice."
            ),
        )

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
        result = super().write(vals)
        if PERIOD_FIELDS & set(vals):
            self._sync_periods()
        return result

    def action_confirm(self):
        """Apply the notice to each service and tell the customer why."""
        self._check_manager()
        # after the manager check: applying the decision ends or renews
        # contract lines and posts credit notes, accounting rights a support
        # manager need not hold
        notices = self.sudo()
        Result = notices.env["support.cancellation.notice.result"]
        for notice in notices:
            if notice.state != "draft":
                raise UserError(
                    self.env._(
                        "Notice %(notice)s is already decided.", notice=notice.name
                    )
                )
            if not notice.channel_accepted:
                # the facts, not a sentence: each reader gets it in their language
                channels = ",".join(notice.company_id._support_notice_channels())
                notice.write({"state": "rejected", "rejection_channels": channels})
                send_customer_mail(
                    notice, "support_terms_renewal.mail_template_cancellation_rejected"
                )
                continue
            now = fields.Datetime.now()
            results = [
                Command.create(Result._outcome_values(notice, line))
                for line in notice.contract_line_ids
            ]
            notice.write(
                {"state": "confirmed", "confirmed_datetime": now, "result_ids": results}
            )
            notice.result_ids._post_on_contracts(notice)
            send_customer_mail(
                notice, "support_terms_renewal.mail_template_cancellation_confirmed"
            )
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
        self.write({"state": "draft", "rejection_channels": False})
