from collections import defaultdict

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_datetime
from odoo.tools.mail import email_split_tuples

from ..rules import auto_close as auto_close_rules
from ..rules.coverage import ticket_coverage
from ..rules.urgency import is_urgent, parse_keywords
from ..tools import run_due_batch

MANAGER_GROUP = "support_terms.group_support_terms_manager"
USER_GROUP = "support_terms.group_support_terms_user"
# the values a ticket's coverage follows
COVERAGE_KEYS = ("coverage", "category_id", "support_plan_id", "partner_id")
OUTER_CALL = "support_terms_coverage_outer"
AUTO_CLOSE_BATCH_PARAM = "support_terms.auto_close_batch_size"
AUTO_CLOSE_BATCH_DEFAULT = 500
# recorded by the addon's own flows (as superuser), never written by users
SYSTEM_FIELDS = frozenset(
    {
        "support_coverage_rule_id",
        "support_quote_id",
        "taken_in_charge_date",
        "urgency_handling_date",
        "waiting_since",
        "auto_close_warned_date",
        "auto_closed_date",
        "auto_close_reopen_stage_id",
    }
)


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    support_plan_id = fields.Many2one(
        comodel_name="support.plan",
        string="Support plan",
        index=True,
        tracking=True,
        copy=False,
        ondelete="restrict",
        help="The plan in force for the customer when the request arrived. "
        "It does not follow later changes of the contracts. Empty: the "
        "request is served as paid support.",
    )
    is_urgent = fields.Boolean(string="Urgent", tracking=True, copy=False)
    urgency_source = fields.Selection(
        selection=[
            ("email", "Email subject"),
            ("portal", "Portal form"),
            ("staff", "Staff"),
        ],
        tracking=True,
        copy=False,
        readonly=True,
    )
    urgency_review = fields.Selection(
        selection=[
            ("to_review", "To review"),
            ("justified", "Justified"),
            ("unjustified", "Unjustified"),
        ],
        tracking=True,
        copy=False,
        groups=USER_GROUP,
        help="A support terms manager decides whether an urgency was "
        "justified; unjustified urgencies handled with priority are billed.",
    )
    urgency_handling_date = fields.Datetime(
        string="Urgency handled from",
        copy=False,
        readonly=True,
        help="For an urgent request received out of hours when its plan does "
        "not handle urgencies then: when the support hours begin again.",
    )
    taken_in_charge_date = fields.Datetime(
        string="Taken in charge on", copy=False, readonly=True, tracking=True
    )
    estimated_resolution_date = fields.Datetime(
        string="Expected resolution",
        copy=False,
        tracking=True,
        help="Told to the customer when the request is taken in charge, when it "
        "can be foreseen.",
    )
    resolution = fields.Html(
        copy=False,
        help="How the request was solved: sent to the customer when the ticket "
        "is closed as done.",
    )
    waiting_since = fields.Datetime(
        string="Waiting for the customer since",
        copy=False,
        readonly=True,
        help="Set when the ticket enters a stage waiting for the customer or "
        "staff answer the customer while it waits; cleared by the customer's "
        "reply.",
    )
    auto_close_warned_date = fields.Datetime(
        string="Closing warning sent on",
        copy=False,
        readonly=True,
    )
    auto_close_warning_date = fields.Datetime(
        string="Closing warning due on",
        compute="_compute_auto_close_dates",
        store=True,
        index=True,
        copy=False,
    )
    auto_close_date = fields.Datetime(
        string="Closes automatically on",
        compute="_compute_auto_close_dates",
        store=True,
        index=True,
        copy=False,
        help="Without a reply from the customer the ticket is closed on this "
        "date: waiting since plus the plan's days (the team's without a plan).",
    )
    auto_closed_date = fields.Datetime(
        string="Closed automatically on", copy=False, readonly=True
    )
    auto_close_reopen_stage_id = fields.Many2one(
        comodel_name="helpdesk.ticket.stage",
        string="Stage before the automatic closing",
        copy=False,
        readonly=True,
    )
    origin_ticket_id = fields.Many2one(
        comodel_name="helpdesk.ticket",
        string="Follows up",
        index="btree_not_null",
        copy=False,
        readonly=True,
        help="The closed request the customer replied to, too late to reopen it.",
    )
    follow_up_ticket_ids = fields.One2many(
        comodel_name="helpdesk.ticket",
        inverse_name="origin_ticket_id",
        string="Follow-up requests",
    )

    # What the scheduled actions' emails show, computed in batch, so that their
    # templates use plain field reads (mail_allowed_qweb_expressions) and
    # Odoo renders them without compiling QWeb for each ticket.
    support_customer_name = fields.Char(
        string="Customer name in emails", compute="_compute_support_mail_values"
    )
    support_email_to = fields.Char(
        string="Email of a customer without contact",
        compute="_compute_support_mail_values",
    )
    support_waiting_since_local = fields.Char(
        string="Waiting since (customer's time)",
        compute="_compute_support_mail_values",
    )
    support_auto_close_date_local = fields.Char(
        string="Closes on (customer's time)", compute="_compute_support_mail_values"
    )

    @api.depends_context("lang")
    @api.depends(
        "partner_name",
        "partner_email",
        "partner_id.name",
        "partner_id.tz",
        "partner_id.lang",
        "waiting_since",
        "auto_close_date",
    )
    def _compute_support_mail_values(self):
        for ticket in self:
            partner = ticket.partner_id
            tz = partner.tz or "Europe/Rome"
            lang = partner.lang or self.env.lang

            def local(moment, tz=tz, lang=lang):
                return moment and format_datetime(
                    self.env, moment, tz=tz, dt_format="short", lang_code=lang
                )

            ticket.support_customer_name = ticket.partner_name or partner.name
            ticket.support_email_to = not partner and ticket.partner_email
            ticket.support_waiting_since_local = local(ticket.waiting_since)
            ticket.support_auto_close_date_local = local(ticket.auto_close_date)

    def mail_allowed_qweb_expressions(self):
        return super().mail_allowed_qweb_expressions() + (
            "object.number",
            "object.display_name",
            "object.lang",
            "object.partner_id.id",
            "object.partner_id.lang",
            "object.company_id.partner_id.email_formatted",
            "object.team_id.auto_close_reopen_days",
            "object.support_customer_name",
            "object.support_email_to",
            "object.support_waiting_since_local",
            "object.support_auto_close_date_local",
        )

    def _send_customer_email(self, template, email_layout_xmlid=False):
        """Render and queue one email per ticket to its customer, logged in
        its chatter.

        The customer is the contact, or only the ticket's email when the
        request came from an address that matches no contact: the templates
        write to ``partner_to`` and ``email_to`` (``support_email_to``), and
        the email is queued as such (``send_mail_batch``), never turned into
        a new contact as Odoo's composer would do.
        """
        if isinstance(template, str):
            template = self.env.ref(template)
        tickets = self.filtered(lambda t: t.partner_id or t.partner_email)
        if not tickets:
            return
        template.sudo().send_mail_batch(
            tickets.ids,
            email_values={
                "message_type": "auto_comment",
                "subtype_id": self.env.ref("mail.mt_comment").id,
            },
            email_layout_xmlid=email_layout_xmlid,
        )

    def _track_template(self, changes):
        """A stage's email (the resolution of the Done stage) to a requester
        known only by the ticket's email: Odoo's composer would find no
        recipient (or make a contact of it), so it is queued to the email."""
        res = super()._track_template(changes)
        ticket = self[:1]
        if (
            "stage_id" in res
            and ticket
            and not ticket.partner_id
            and ticket.partner_email
        ):
            template, _values = res.pop("stage_id")
            ticket._send_customer_email(
                template, email_layout_xmlid="mail.mail_notification_light"
            )
        return res

    # -- plan snapshot ----------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.context.get(OUTER_CALL):
            # the outermost call notifies excluded requests once, whatever the
            # writes nested in the creation (the plan snapshot) change
            for vals in vals_list:
                self._check_system_fields(vals)
                # a customer or the portal never decides the coverage
                if "coverage" in vals and not self._can_override_coverage():
                    vals.pop("coverage")
                    vals.pop("coverage_override_reason", None)
            tickets = (
                self.with_context(**{OUTER_CALL: True})
                .create(vals_list)
                .with_env(self.env)
            )
            tickets.filtered(
                lambda t: t.coverage == "excluded"
            )._notify_coverage_excluded()
            return tickets
        if not self._can_set_support_plan():
            for vals in vals_list:
                vals.pop("support_plan_id", None)
                vals.pop("urgency_review", None)
        for vals in vals_list:
            if vals.get("is_urgent"):
                vals.update(self._urgency_values(vals.get("urgency_source") or "staff"))
        tickets = super().create(vals_list)
        tickets.filtered(lambda t: not t.support_plan_id)._snapshot_support_plan()
        tickets.filtered("is_urgent")._notify_urgency_out_of_hours()
        waiting = tickets.filtered(
            lambda t: t.stage_id.waiting_customer and not t.stage_id.closed
        )
        if waiting:
            waiting.sudo().write({"waiting_since": fields.Datetime.now()})
        return tickets

    def write(self, vals):
        if not self.env.context.get(OUTER_CALL):
            return self._write_outermost(vals)
        if "support_plan_id" in vals and not self._can_set_support_plan():
            raise AccessError(
                _("Only support managers can change the support plan of a ticket.")
            )
        if vals.get("is_urgent") and "urgency_source" not in vals:
            # staff raise the urgency of requests that were not urgent
            raising = self.filtered(lambda t: not t.is_urgent)
            if raising and raising != self:
                return raising.write(vals) and (self - raising).write(vals)
            if raising:
                vals = dict(vals, **self._urgency_values("staff"))
        res = super().write(vals)
        if "partner_id" in vals and "support_plan_id" not in vals:
            # A request first received from an unknown address gets the plan
            # the customer had when the request arrived, once it is linked.
            self.filtered(
                lambda t: not t.support_plan_id and t.partner_id
            )._snapshot_support_plan()
        if vals.get("stage_id") and "waiting_since" not in vals:
            self._update_waiting_from_stage()
        if vals.get("stage_id"):
            self._take_in_charge_on_first_move()
        if {"team_id", "support_plan_id", "is_urgent"} & set(vals):
            self._refresh_slas(team_changed="team_id" in vals)
        return res

    def _refresh_slas(self, team_changed=False):
        """Choose the SLAs again: the team, the plan and the urgency choose
        them. A ticket routed to a team after it arrived (mailed to a generic
        address) gets the team's SLAs counted from its arrival, as OCA counts
        a new ticket SLA from the ticket's creation; a team without SLAs
        leaves it with none."""
        for ticket in self.sudo():
            if ticket.team_sla:
                ticket.refresh_sla()
            elif team_changed and ticket.ticket_sla_ids:
                ticket.ticket_sla_ids.unlink()

    def _write_outermost(self, vals):
        """Checks of what staff decide, and the customer told once of an
        exclusion, whatever the writes nested in this one change."""
        self._check_system_fields(vals)
        if "urgency_review" in vals and not self._can_set_support_plan():
            raise AccessError(_("Only a support terms manager can review an urgency."))
        if "coverage" in vals:
            self._check_coverage_override(vals)
        if "stage_id" in vals:
            self._check_quote_before_work(vals["stage_id"])
        follow = any(key in vals for key in COVERAGE_KEYS)
        excluded_before = set()
        if follow:
            excluded_before = set(self.filtered(lambda t: t.coverage == "excluded").ids)
        res = self.with_context(**{OUTER_CALL: True}).write(vals)
        if follow:
            self.filtered(
                lambda t: t.coverage == "excluded" and t.id not in excluded_before
            )._notify_coverage_excluded()
        if vals.get("urgency_review") == "unjustified":
            self._charge_unjustified_urgency()
        return res

    def _check_system_fields(self, vals):
        """The quote, the coverage rule, the take in charge and the waiting
        clock are what happened, recorded by the addon: read only on the
        server too (work waits for the quote's acceptance)."""
        written = SYSTEM_FIELDS & set(vals)
        if written and not self.env.su:
            raise AccessError(
                _(
                    "%(fields)s: recorded by the support terms, they cannot be "
                    "written.",
                    fields=", ".join(
                        self._fields[name]._description_string(self.env)
                        for name in sorted(written)
                    ),
                )
            )

    def _can_set_support_plan(self):
        return self.env.su or self.env.user.has_group(MANAGER_GROUP)

    def _snapshot_support_plan(self):
        """Record the plan in force for each ticket's customer on its arrival."""
        groups = defaultdict(lambda: self.browse())
        for ticket in self:
            if ticket.partner_id:
                arrival = fields.Date.context_today(ticket, ticket.create_date)
                groups[(ticket.company_id, arrival)] |= ticket
        by_plan = defaultdict(lambda: self.browse())
        for (company, arrival), tickets in groups.items():
            plans = tickets.partner_id._support_plan_at(company, arrival)
            for ticket in tickets:
                plan = plans.get(ticket.partner_id.commercial_partner_id.id)
                if plan:
                    by_plan[plan] |= ticket
        for plan, tickets in by_plan.items():
            # sudo: the snapshot is the system's, not the user's choice
            tickets.sudo().write({"support_plan_id": plan.id})

    # -- SLAs ---------------------------------------------------------------

    def _get_sla_ticket_domain(self):
        """SLAs of the ticket's plan (or of any plan) and of its urgency."""
        domain = super()._get_sla_ticket_domain()
        plan = self.support_plan_id
        domain += [
            "|",
            ("support_plan_ids", "=", False),
            ("support_plan_ids", "=", plan.id if plan else 0),
            ("urgency", "in", ["any", "urgent" if self.is_urgent else "normal"]),
        ]
        return domain

    # -- take in charge -------------------------------------------------------

    def action_take_in_charge(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": "support.take.in.charge.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_ticket_id": self.id},
        }

    def _take_in_charge(self, estimated_resolution_date=False, notify=True):
        """Record the take in charge and tell the customer (seed 001)."""
        values = {"taken_in_charge_date": fields.Datetime.now()}
        if estimated_resolution_date:
            values["estimated_resolution_date"] = estimated_resolution_date
        self.sudo().write(values)
        if notify:
            self._send_customer_email("support_terms.mail_template_taken_in_charge")

    def _take_in_charge_on_first_move(self):
        """Leaving the first stage for an open one takes the request in charge.

        A stage that emails the customer itself already tells it: no second
        email for the same move.
        """
        moved = self.filtered(
            lambda t: not t.taken_in_charge_date
            and not t.stage_id.closed
            and t.stage_id != t.team_id._get_applicable_stages()[:1]
        )
        silent = moved.filtered(lambda t: t.stage_id.mail_template_id)
        if silent:
            silent._take_in_charge(notify=False)
        if moved - silent:
            (moved - silent)._take_in_charge()

    # -- urgency ----------------------------------------------------------

    @api.model
    def _urgency_values(self, source):
        return {
            "is_urgent": True,
            "urgency_source": source,
            "urgency_review": "to_review",
            "priority": "3",
        }

    def _subject_is_urgent(self, subject):
        self.ensure_one()
        company = self.company_id or self.env.company
        return is_urgent(subject, parse_keywords(company.support_urgency_keywords))

    def _mark_urgent(self, source):
        self.sudo().write(self._urgency_values(source))
        self._notify_urgency_out_of_hours()

    @api.private
    @api.model
    def message_new(self, msg, custom_values=None):
        ticket = super().message_new(msg, custom_values=custom_values)
        if not ticket.partner_id and not ticket.partner_name:
            # a sender that matches no contact: its name greets it in emails
            name = email_split_tuples(msg.get("email_from") or "")[:1]
            if name and name[0][0]:
                ticket.partner_name = name[0][0]
        if not ticket.is_urgent and ticket._subject_is_urgent(msg.get("subject")):
            ticket._mark_urgent("email")
        return ticket

    @api.private
    def message_update(self, msg, update_vals=None):
        res = super().message_update(msg, update_vals=update_vals)
        for ticket in self.filtered(lambda t: not t.is_urgent and not t.closed):
            if ticket._subject_is_urgent(msg.get("subject")):
                ticket._mark_urgent("email")
        return res

    def _notify_urgency_out_of_hours(self):
        """An urgency out of the support hours: call the on-call staff when
        the plan handles urgencies now, else tell the customer when it will be
        handled."""
        now = fields.Datetime.now()
        plans = self.env["support.plan"]
        for ticket in self.sudo():
            plan = ticket.support_plan_id
            calendar = plan.resource_calendar_id or ticket.team_id.resource_calendar_id
            if not calendar or plans._in_hours(calendar, now):
                continue
            if plans._in_hours(plan.urgent_calendar_id, now):
                ticket._call_on_call_staff()
            else:
                ticket.urgency_handling_date = plans._next_working_time(calendar, now)
                self.env.ref(
                    "support_terms.mail_template_urgent_out_of_hours"
                ).send_mail_batch(
                    ticket.ids,
                    email_values={
                        "message_type": "auto_comment",
                        "subtype_id": self.env.ref("mail.mt_comment").id,
                    },
                )

    def _call_on_call_staff(self):
        """An activity for each on-call user; assigning it emails them."""
        self.ensure_one()
        team = self.team_id
        for user in team.on_call_user_ids or team.user_id:
            self.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=user.id,
                summary=_("Urgent request out of hours"),
                note=self.name,
            )

    # -- waiting for the customer ------------------------------------------

    def _update_waiting_from_stage(self):
        """Start the clock on entering a waiting stage, stop it on leaving."""
        entering = self.filtered(
            lambda t: t.stage_id.waiting_customer
            and not t.stage_id.closed
            and not t.waiting_since
        )
        leaving = self.filtered(
            lambda t: t.waiting_since
            and (not t.stage_id.waiting_customer or t.stage_id.closed)
        )
        if entering:
            entering.sudo()._start_waiting()
        if leaving:
            leaving.sudo().write(
                {"waiting_since": False, "auto_close_warned_date": False}
            )

    def _start_waiting(self):
        """A new waiting period: a new clock and a new warning to send."""
        self.write(
            {"waiting_since": fields.Datetime.now(), "auto_close_warned_date": False}
        )

    def _auto_close_terms(self):
        """(days, warning days): its plan's, or its team's if its company closes
        requests without a plan (0: never)."""
        self.ensure_one()
        if self.support_plan_id:
            plan = self.support_plan_id
            return plan.auto_close_days, plan.auto_close_warning_days
        if not self.company_id.support_auto_close_without_plan:
            return 0, 0
        return self.team_id.auto_close_days, self.team_id.auto_close_warning_days

    @api.depends(
        "waiting_since",
        "auto_close_warned_date",
        "support_plan_id.auto_close_days",
        "support_plan_id.auto_close_warning_days",
        "team_id.auto_close_days",
        "team_id.auto_close_warning_days",
        "company_id.support_auto_close_without_plan",
    )
    def _compute_auto_close_dates(self):
        for ticket in self:
            days, warning_days = ticket._auto_close_terms()
            warning, closing = auto_close_rules.auto_close_dates(
                ticket.waiting_since, days, warning_days, ticket.auto_close_warned_date
            )
            ticket.auto_close_warning_date = warning or False
            ticket.auto_close_date = closing or False

    def message_post(self, **kwargs):
        message = super().message_post(**kwargs)
        if len(self) == 1 and message:
            self._react_to_message(message)
        return message

    def _react_to_message(self, message):
        """Who wrote, and whether to the customer, moves the waiting clock.

        Internal notes never do. A public answer from staff while the ticket
        waits starts a new waiting period; any message from the customer (by
        email or in the portal) stops the clock.
        """
        if message.message_type not in ("email", "comment") or (
            message.subtype_id and message.subtype_id.internal
        ):
            return
        author = message.author_id
        staff = author and any(not user.share for user in author.sudo().user_ids)
        ticket = self.sudo()
        if staff:
            if ticket.stage_id.waiting_customer and not ticket.stage_id.closed:
                ticket._start_waiting()
            return
        if author and author == ticket.company_id.partner_id:
            return
        ticket._customer_replied(message)

    def _customer_replied(self, message):
        self.ensure_one()
        if self.auto_closed_date and self.stage_id.closed:
            if not auto_close_rules.reopens(
                self.auto_closed_date, message.date, self.team_id.auto_close_reopen_days
            ):
                self._open_follow_up(message)._mark_urgent_by_email(message)
                return
            self.write(
                {
                    "stage_id": (
                        self.auto_close_reopen_stage_id
                        or self.team_id._get_applicable_stages()[:1]
                    ).id,
                    "auto_closed_date": False,
                }
            )
            # the mail gateway read its subject while the ticket was closed
            self._mark_urgent_by_email(message)
        replied_stage = self.team_id.customer_replied_stage_id
        values = {"waiting_since": False, "auto_close_warned_date": False}
        if replied_stage and self.stage_id.waiting_customer:
            values["stage_id"] = replied_stage.id
        self.write(values)

    def _mark_urgent_by_email(self, message):
        """An email that reopens or follows up a closed request is read for
        urgency like any email that opens one."""
        if (
            message.message_type == "email"
            and not self.is_urgent
            and self._subject_is_urgent(message.subject)
        ):
            self._mark_urgent("email")

    def _open_follow_up(self, message):
        """A reply long after the automatic closing: a new request, linked."""
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
        return follow_up

    # -- scheduled action --------------------------------------------------

    @api.model
    def _cron_auto_close(self):
        """Warn, then close, the tickets left without the customer's reply.

        One batch per call: the cron worker commits it and calls again while
        work remains (``_notify_progress``). Rows are locked with SKIP LOCKED,
        and a ticket leaves the due set in the same transaction as its email
        is queued, so a second run, an overlapping run or a run restarted
        after a crash warns and closes each ticket once.
        """
        now = fields.Datetime.now()
        tickets = self.sudo().with_context(
            tracking_disable=True, mail_notrack=True, mail_auto_subscribe_no_notify=True
        )
        warn_domain = tickets._auto_close_warn_domain(now)
        close_domain = tickets._auto_close_close_domain(now)
        return run_due_batch(
            tickets,
            AUTO_CLOSE_BATCH_PARAM,
            AUTO_CLOSE_BATCH_DEFAULT,
            "auto_close_date, id",
            [
                (warn_domain, lambda due: due._auto_close_warn(now)),
                (close_domain, lambda due: due._auto_close_close(now)),
            ],
        )

    @api.model
    def _auto_close_warn_domain(self, now):
        return [
            ("auto_close_warning_date", "<=", now),
            ("auto_close_warned_date", "=", False),
        ]

    @api.model
    def _auto_close_close_domain(self, now):
        return [
            ("auto_close_date", "<=", now),
            "|",
            ("auto_close_warning_date", "=", False),
            ("auto_close_warned_date", "!=", False),
        ]

    def _auto_close_warn(self, now):
        if not self:
            return
        # the new closing date, when the warning comes late, is in the email
        self.write({"auto_close_warned_date": now})
        self._auto_close_send("support_terms.mail_template_auto_close_warning")

    def _auto_close_close(self, now):
        if not self:
            return
        default_stage = self.env.ref(
            "support_terms.helpdesk_ticket_stage_closed_no_reply"
        )
        groups = defaultdict(lambda: self.browse())
        for ticket in self:
            stage = ticket.team_id.auto_close_stage_id or default_stage
            groups[(stage, ticket.stage_id)] |= ticket
        for (stage, previous), tickets in groups.items():
            tickets.write(
                {
                    "stage_id": stage.id,
                    "auto_close_reopen_stage_id": previous.id,
                    "auto_closed_date": now,
                    "waiting_since": False,
                }
            )
        self._auto_close_send("support_terms.mail_template_auto_closed")

    def _auto_close_send(self, template_xmlid):
        """Render and queue one email per ticket, logged in its chatter."""
        self._send_customer_email(template_xmlid)

    # -- coverage, credits, charges, quotes ---------------------------------------
    # ``coverage`` comes from the rule of the ticket's plan and category
    # (``support.coverage.rule``) when the ticket arrives or changes category;
    # staff may override it with a reason. Extras are paid with credits
    # (``support.credit.move``), a quote (``sale.order``) or fixed-fee charges
    # (``support.ticket.charge``).

    support_coverage_rule_id = fields.Many2one(
        comodel_name="support.coverage.rule",
        string="Coverage rule",
        compute="_compute_coverage",
        store=True,
        readonly=True,
        compute_sudo=True,
        ondelete="set null",
    )
    coverage = fields.Selection(
        selection=[
            ("included", "Included"),
            ("extra", "Extra"),
            ("excluded", "Excluded"),
            ("to_assess", "To assess"),
        ],
        compute="_compute_coverage",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
        copy=False,
        help="From the coverage rule of the ticket's plan and kind of request; "
        "to assess when no rule applies. Support staff may override it, with a "
        "reason.",
    )
    coverage_override_reason = fields.Text(
        string="Coverage override reason",
        compute="_compute_coverage",
        store=True,
        readonly=False,
        tracking=True,
        copy=False,
        groups=USER_GROUP,
    )
    coverage_note = fields.Text(
        related="support_coverage_rule_id.note", string="Coverage note"
    )
    coverage_billing_mode = fields.Selection(
        related="support_coverage_rule_id.billing_mode", string="Paid by"
    )
    support_credit_move_ids = fields.One2many(
        comodel_name="support.credit.move",
        inverse_name="ticket_id",
        string="Credits used",
    )
    support_credits_charged = fields.Float(
        string="Credits charged",
        digits=(16, 2),
        compute="_compute_support_credits_charged",
        compute_sudo=True,
    )
    support_charge_ids = fields.One2many(
        comodel_name="support.ticket.charge",
        inverse_name="ticket_id",
        string="Charges",
    )
    support_quote_id = fields.Many2one(
        comodel_name="sale.order",
        string="Quotation",
        copy=False,
        readonly=True,
        tracking=True,
        index="btree_not_null",
    )
    support_quote_state = fields.Selection(
        selection=[
            ("waiting", "Waiting for quote acceptance"),
            ("accepted", "Quote accepted"),
            ("cancelled", "Quote cancelled"),
        ],
        string="Quote",
        compute="_compute_support_quote_state",
        compute_sudo=True,
    )
    channel_outside_plan = fields.Boolean(
        compute="_compute_channel_outside_plan",
        help="The request came on a channel the customer's plan does not include.",
    )

    @api.depends("support_plan_id", "category_id")
    def _compute_coverage(self):
        rules = self._coverage_rules()
        for ticket in self:
            rule = rules.get((ticket.support_plan_id.id, ticket.category_id.id))
            ticket.support_coverage_rule_id = rule
            ticket.coverage = ticket_coverage(rule and rule.coverage)
            ticket.coverage_override_reason = False

    def _coverage_rules(self, pairs=None):
        """``{(plan id, category id): rule}`` for the tickets, in one query."""
        if pairs is None:
            pairs = {(t.support_plan_id.id, t.category_id.id) for t in self}
        pairs = {pair for pair in pairs if pair[0] and pair[1]}
        if not pairs:
            return {}
        rules = (
            self.env["support.coverage.rule"]
            .sudo()
            .search(
                [
                    ("plan_id", "in", list({p for p, _c in pairs})),
                    ("category_id", "in", list({c for _p, c in pairs})),
                ]
            )
        )
        return {(rule.plan_id.id, rule.category_id.id): rule for rule in rules}

    @api.depends("support_credit_move_ids.quantity")
    def _compute_support_credits_charged(self):
        for ticket in self:
            ticket.support_credits_charged = -sum(
                ticket.support_credit_move_ids.mapped("quantity")
            )

    @api.depends("support_quote_id.state")
    def _compute_support_quote_state(self):
        for ticket in self:
            state = ticket.support_quote_id.state
            ticket.support_quote_state = (
                state
                and {"sale": "accepted", "cancel": "cancelled"}.get(state, "waiting")
                or False
            )

    @api.depends("channel_id", "support_plan_id.channel_ids")
    def _compute_channel_outside_plan(self):
        for ticket in self:
            plan = ticket.sudo().support_plan_id
            ticket.channel_outside_plan = bool(
                plan
                and plan.channel_ids
                and ticket.channel_id
                and ticket.channel_id not in plan.channel_ids
            )

    def _can_override_coverage(self, rule=None):
        """Support staff assess a request no rule covers; only a manager
        overrides what a rule of the terms says."""
        group = MANAGER_GROUP if rule else USER_GROUP
        return self.env.su or self.env.user.has_group(group)

    def _check_coverage_override(self, vals):
        """Support staff assess the coverage no rule gives, a manager
        overrides a rule, and both say why.

        Writing the coverage the rule gives (the form sends it back when the
        category changes) is not an override.
        """
        rules = self._coverage_rules(
            {
                (
                    vals.get("support_plan_id", ticket.support_plan_id.id),
                    vals.get("category_id", ticket.category_id.id),
                )
                for ticket in self
            }
        )
        for ticket in self:
            rule = rules.get(
                (
                    vals.get("support_plan_id", ticket.support_plan_id.id),
                    vals.get("category_id", ticket.category_id.id),
                )
            )
            if vals["coverage"] == ticket_coverage(rule and rule.coverage):
                continue
            if not self._can_override_coverage(rule):
                raise AccessError(
                    _(
                        "Only a support terms manager can override the coverage "
                        "the terms give to %(ticket)s; support staff assess "
                        "requests no rule covers.",
                        ticket=ticket.display_name,
                    )
                    if rule
                    else _("Only support staff can change the coverage of a request.")
                )
            if not (vals.get("coverage_override_reason") or "").strip():
                raise UserError(
                    _(
                        "Say why the coverage of %(ticket)s differs from its "
                        "rule: the reason is kept in its history.",
                        ticket=ticket.display_name,
                    )
                )

    def _notify_coverage_excluded(self):
        """Tell the customer a request is not covered, with the rule's note."""
        self._send_customer_email("support_terms.mail_template_coverage_excluded")

    # -- quotes -------------------------------------------------------------------

    def _check_quote_before_work(self, stage_id):
        """Work does not start before the quote is accepted (seed 002).

        While a quote waits, the ticket may stay new, wait for the customer or
        be closed; any other stage is work.
        """
        stage = self.env["helpdesk.ticket.stage"].browse(stage_id)
        if stage.unattended or stage.closed or stage.waiting_customer:
            return
        waiting = self.filtered(lambda t: t.support_quote_state == "waiting")
        if waiting:
            raise UserError(
                _(
                    "%(tickets)s: waiting for quote acceptance, the work cannot "
                    "start yet.",
                    tickets=", ".join(waiting.mapped("display_name")),
                )
            )

    def _check_support_staff(self):
        """Quotes and charges are created as superuser: support staff decide them."""
        if not self.env.su and not self.env.user.has_group(USER_GROUP):
            raise AccessError(_("Only support staff can charge or quote a request."))

    def action_create_quote(self):
        """A quotation for this request, for the customer to sign in the portal."""
        self._check_support_staff()
        self.ensure_one()
        rule = self.support_coverage_rule_id
        if self.coverage not in ("extra", "excluded") or (
            rule and rule.billing_mode not in (False, "quote")
        ):
            raise UserError(
                _("Only an extra paid by quote or an excluded request is quoted.")
            )
        if self.support_quote_id and self.support_quote_id.state != "cancel":
            raise UserError(_("This request already has a quotation."))
        if not self.partner_id:
            raise UserError(_("Link the request to its customer first."))
        line = {"name": f"{self.number}: {self.name}"}
        if rule.product_id:
            line["product_id"] = rule.product_id.id
        else:
            line["display_type"] = "line_note"
        order = (
            self.env["sale.order"]
            .with_company(self.company_id)
            .create(
                {
                    "partner_id": self.partner_id.id,
                    "company_id": self.company_id.id,
                    "origin": self.number,
                    "support_ticket_id": self.id,
                    "require_signature": True,
                    "require_payment": False,
                    "order_line": [fields.Command.create(line)],
                }
            )
        )
        # the customer reads and signs it in the portal as a follower
        order.message_subscribe(partner_ids=order.partner_id.ids)
        self.sudo().support_quote_id = order
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.order",
            "res_id": order.id,
            "view_mode": "form",
        }

    # -- credits and charges ------------------------------------------------------

    def action_charge_credits(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "support.credit.charge.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_ticket_id": self.id},
        }

    def _add_charge(self, kind, product, quantity=1.0, name=None):
        self.ensure_one()
        self._check_support_staff()
        if not product:
            raise UserError(
                _(
                    "%(ticket)s: choose the product to bill first (in the plan, "
                    "its coverage rule or the settings).",
                    ticket=self.display_name,
                )
            )
        if self.support_charge_ids.filtered(lambda c: c.kind == kind):
            raise UserError(
                _("%(ticket)s is already charged for this.", ticket=self.display_name)
            )
        return (
            self.env["support.ticket.charge"]
            .sudo()
            .create(
                {
                    "ticket_id": self.id,
                    "kind": kind,
                    "product_id": product.id,
                    "quantity": quantity,
                    "price_unit": product.lst_price,
                    "name": name or product.display_name,
                }
            )
        )

    def action_charge_fixed_fee(self):
        """Charge the fixed fee of an extra (its rule's product)."""
        self._check_support_staff()
        for ticket in self:
            rule = ticket.support_coverage_rule_id
            if ticket.coverage != "extra" or rule.billing_mode != "fixed_fee":
                raise UserError(
                    _(
                        "%(ticket)s is not an extra paid by a fixed fee.",
                        ticket=ticket.display_name,
                    )
                )
            ticket._add_charge("outside_plan", rule.product_id)

    def action_charge_channel(self):
        """Charge a request received on a channel outside the plan."""
        self._check_support_staff()
        for ticket in self:
            if not ticket.channel_outside_plan:
                raise UserError(
                    _(
                        "%(ticket)s came on a channel its plan includes.",
                        ticket=ticket.display_name,
                    )
                )
            ticket._add_charge(
                "channel",
                ticket.company_id.support_channel_fee_product_id,
                name=_(
                    "Request received by %(channel)s", channel=ticket.channel_id.name
                ),
            )

    def _charge_unjustified_urgency(self):
        """One charge per ticket, with the plan's fee product (seed 001)."""
        for ticket in self.sudo():
            if ticket.support_charge_ids.filtered(lambda c: c.kind == "urgency"):
                continue
            product = ticket.support_plan_id.urgency_fee_product_id
            if not product:
                ticket.message_post(
                    body=_(
                        "Unjustified urgency not charged: the plan has no "
                        "urgency fee product."
                    ),
                    subtype_xmlid="mail.mt_note",
                )
                continue
            ticket._add_charge("urgency", product)
