from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.tools import format_datetime

from odoo.addons.support_terms_base.tools import run_due_batch

from ..rules.auto_close import auto_close_dates, reopens


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    waiting_since = fields.Datetime(
        string="Waiting for the customer since",
        copy=False,
        readonly=True,
        help="Set when the ticket enters a stage waiting for the customer or "
        "staff answer the customer while it waits; cleared by the customer's "
        "reply.",
    )
    auto_close_warned_date = fields.Datetime(
        string="Closing warning sent on", copy=False, readonly=True
    )
    auto_close_warning_date = fields.Datetime(
        string="Closing warning due on",
        compute="_compute_auto_close_dates",
        store=True,
        index=True,
    )
    auto_close_date = fields.Datetime(
        string="Closes automatically on",
        compute="_compute_auto_close_dates",
        store=True,
        index=True,
        help="Without a reply from the customer the ticket is closed on this "
        "date: waiting since plus the plan's days (the team's without a plan).",
    )
    auto_closed_date = fields.Datetime(
        string="Closed automatically on", copy=False, readonly=True
    )
    auto_close_reopen_stage_id = fields.Many2one(
        "helpdesk.ticket.stage",
        string="Stage before the automatic closing",
        copy=False,
        readonly=True,
    )
    origin_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Follows up",
        index="btree_not_null",
        copy=False,
        readonly=True,
        help="The closed request the customer replied to, too late to reopen it.",
    )
    follow_up_ticket_ids = fields.One2many(
        "helpdesk.ticket", "origin_ticket_id", string="Follow-up requests"
    )
    support_waiting_since_local = fields.Char(
        string="Waiting since (customer's time)", compute="_compute_support_local_dates"
    )
    support_auto_close_date_local = fields.Char(
        string="Closes on (customer's time)", compute="_compute_support_local_dates"
    )

    @api.depends_context("lang")
    @api.depends("partner_id.tz", "partner_id.lang", "waiting_since", "auto_close_date")
    def _compute_support_local_dates(self):
        for ticket in self:
            partner = ticket.partner_id
            tz, lang = partner.tz or "Europe/Rome", partner.lang or self.env.lang
            for field, moment in (
                ("support_waiting_since_local", ticket.waiting_since),
                ("support_auto_close_date_local", ticket.auto_close_date),
            ):
                ticket[field] = moment and format_datetime(
                    self.env, moment, tz=tz, dt_format="short", lang_code=lang
                )

    def mail_allowed_qweb_expressions(self):
        return super().mail_allowed_qweb_expressions() + (
            "object.team_id.auto_close_reopen_days",
            "object.support_waiting_since_local",
            "object.support_auto_close_date_local",
        )

    def _support_request_created(self):
        res = super()._support_request_created()
        self._in_waiting_stage()._start_waiting()
        return res

    def _support_written(self, vals):
        res = super()._support_written(vals)
        if vals.get("stage_id") and "waiting_since" not in vals:
            # the clock starts on entering a waiting stage, stops on leaving it
            waiting = self._in_waiting_stage()
            waiting.filtered(lambda t: not t.waiting_since)._start_waiting()
            (self.filtered("waiting_since") - waiting)._support_record(
                {"waiting_since": False, "auto_close_warned_date": False}
            )
        if vals.get("stage_id") and "auto_closed_date" not in vals:
            # a stage moved by hand (staff reopening or closing the request):
            # no longer the one closed for lack of reply, so a late reply
            # neither reopens it nor opens a follow-up
            self.filtered("auto_closed_date")._support_record(
                {"auto_closed_date": False, "auto_close_reopen_stage_id": False}
            )
        return res

    def _support_system_fields(self):
        return super()._support_system_fields() | {
            "waiting_since",
            "auto_close_warned_date",
            "auto_closed_date",
            "auto_close_reopen_stage_id",
        }

    # -- waiting for the customer ------------------------------------------

    def _in_waiting_stage(self):
        return self.filtered(
            lambda t: t.stage_id.waiting_customer and not t.stage_id.closed
        )

    def _start_waiting(self):
        """A new waiting period: a new clock and a new warning to send."""
        self._support_record(
            {"waiting_since": fields.Datetime.now(), "auto_close_warned_date": False}
        )

    def _support_waiting_resumed(self):
        """The pause ended and the request still waits for the customer: a
        new waiting period, the paused days do not count."""
        res = super()._support_waiting_resumed()
        self._in_waiting_stage()._start_waiting()
        return res

    @api.depends(
        "waiting_since",
        "auto_close_warned_date",
        "support_waiting_paused",
        "support_plan_id.auto_close_days",
        "support_plan_id.auto_close_warning_days",
        "team_id.auto_close_days",
        "team_id.auto_close_warning_days",
        "company_id.support_auto_close_without_plan",
    )
    def _compute_auto_close_dates(self):
        for ticket in self:
            # its plan's days, or its team's if its company closes requests
            # without a plan; none while the customer has something to do
            # elsewhere (a quotation)
            terms = ticket.support_plan_id or (
                ticket.company_id.support_auto_close_without_plan and ticket.team_id
            )
            if ticket.support_waiting_paused or not terms:
                ticket.auto_close_warning_date = ticket.auto_close_date = False
                continue
            # None ("never", "no warning") is an empty date
            ticket.auto_close_warning_date, ticket.auto_close_date = auto_close_dates(
                ticket.waiting_since,
                terms.auto_close_days,
                terms.auto_close_warning_days,
                ticket.auto_close_warned_date,
            )

    def message_post(self, **kwargs):
        message = super().message_post(**kwargs)
        if len(self) == 1 and message:
            self._react_to_message(message)
        return message

    def _react_to_message(self, message):
        """A public answer from staff while the ticket waits starts a new
        waiting period; the customer's message (email or portal) stops the
        clock. Internal notes and anyone else's messages move nothing."""
        if message.message_type not in ("email", "comment") or (
            message.subtype_id and message.subtype_id.internal
        ):
            return
        author = message.author_id
        if not self.env.su and author != self.env.user.partner_id:
            # an author named over RPC is not believed: the message is the
            # poster's, and acts as nobody's (the gateway posts as superuser)
            return
        if self._support_is_staff(author):
            self._in_waiting_stage()._start_waiting()
            return
        if self._support_from_customer(author, message.email_from):
            # sudo: the customer's message reopens or follows up the request,
            # which the customer may not write
            self.sudo()._customer_replied(message)

    def _customer_replied(self, message):
        self.ensure_one()
        if self.auto_closed_date and self.stage_id.closed:
            if not reopens(
                self.auto_closed_date, message.date, self.team_id.auto_close_reopen_days
            ):
                self._follow_up(message)
                return
            first_stage = self.team_id._get_applicable_stages()[:1]
            stage = self.auto_close_reopen_stage_id or first_stage
            if not self._support_may_enter_stage(stage):
                stage = first_stage
            self.write({"stage_id": stage.id, "auto_closed_date": False})
            self._reopened_by_message(message)
        replied_stage = self.team_id.customer_replied_stage_id
        values = {"waiting_since": False, "auto_close_warned_date": False}
        if (
            replied_stage
            and self.stage_id.waiting_customer
            and self._support_may_enter_stage(replied_stage)
        ):
            values["stage_id"] = replied_stage.id
        self.write(values)

    def _reopened_by_message(self, message):
        """Called on the ticket a customer's message reopened, or on the
        follow-up it opened: other features read it as a new request."""
        return True

    def _follow_up(self, message):
        """A reply long after the automatic closing goes to the one open
        follow-up of the request, opened by the first such reply."""
        follow_up = self.follow_up_ticket_ids.filtered(lambda t: not t.closed)[:1]
        if follow_up:
            # the email stays on the closed request, where its thread leads;
            # the follow-up, where the work is, gets it as the customer's message
            follow_up.message_post(
                body=message.body,
                author_id=message.author_id.id,
                email_from=message.email_from,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
            return
        follow_up = self.create(
            {
                "name": self.name,
                "description": message.body or self.description,
                "partner_id": self.partner_id.id,
                "partner_name": self.partner_name,
                "partner_email": self.partner_email,
                "team_id": self.team_id.id,
                "company_id": self.company_id.id,
                "channel_id": self.channel_id.id,
                "category_id": self.category_id.id,
                "origin_ticket_id": self.id,
            }
        )
        follow_up.message_subscribe(self.message_partner_ids.ids)
        self.message_post(
            body=Markup(_("The customer replied after the automatic closing: %s"))
            % follow_up._get_html_link(),
            subtype_xmlid="mail.mt_note",
        )
        follow_up._reopened_by_message(message)

    # -- scheduled action --------------------------------------------------

    @api.model
    def _cron_auto_close(self):
        """Warn, then close, the tickets left without the customer's reply;
        one batch a call. A ticket leaves the due set in the transaction that
        queues its email: each is warned and closed once."""
        now = fields.Datetime.now()
        tickets = self.with_context(
            tracking_disable=True, mail_notrack=True, mail_auto_subscribe_no_notify=True
        )
        warn_domain = [
            ("auto_close_warning_date", "<=", now),
            ("auto_close_warned_date", "=", False),
        ]
        close_domain = [
            ("auto_close_date", "<=", now),
            "|",
            ("auto_close_warning_date", "=", False),
            ("auto_close_warned_date", "!=", False),
        ]
        return run_due_batch(
            tickets,
            "support_terms.auto_close_batch_size",
            500,
            "auto_close_date, id",
            [
                (warn_domain, lambda due: due._auto_close_warn(now)),
                (close_domain, lambda due: due._auto_close_close(now)),
            ],
        )

    def _auto_close_warn(self, now):
        # the new closing date, when the warning comes late, is in the email
        self.write({"auto_close_warned_date": now})
        self._auto_close_send(
            "support_terms_auto_close.mail_template_auto_close_warning"
        )

    def _auto_close_close(self, now):
        default_stage = self.env.ref(
            "support_terms_auto_close.helpdesk_ticket_stage_closed_no_reply"
        )
        for (stage, previous), tickets in self.grouped(
            lambda t: (t.team_id.auto_close_stage_id or default_stage, t.stage_id)
        ).items():
            tickets.write(
                {
                    "stage_id": stage.id,
                    "auto_close_reopen_stage_id": previous.id,
                    "auto_closed_date": now,
                    "waiting_since": False,
                }
            )
        self._auto_close_send("support_terms_auto_close.mail_template_auto_closed")

    def _auto_close_send(self, template_xmlid):
        self._send_customer_email(template_xmlid)
