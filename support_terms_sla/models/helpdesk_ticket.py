from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.support_terms_base.tools import MANAGER_GROUP, USER_GROUP

from ..rules.urgency import is_urgent, parse_keywords

# what a request does to the customer's service, worst first
IMPACT_SELECTION = [
    ("service_down", "Service down"),
    ("degraded", "Service degraded"),
    ("question", "Question or request"),
]
# the priority of each impact, for plans that handle requests by impact
IMPACT_PRIORITY = {"service_down": "3", "degraded": "2", "question": "1"}


def _hours_text(env, hours):
    """Hours as staff read them: "2 h 30 min", "1 h", "10 min"."""
    whole, minutes = divmod(round(hours * 60), 60)
    if whole and minutes:
        return env._("%(hours)s h %(minutes)s min", hours=whole, minutes=minutes)
    if whole:
        return env._("%(hours)s h", hours=whole)
    return env._("%(minutes)s min", minutes=minutes)


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    is_urgent = fields.Boolean(string="Urgent", tracking=True, copy=False)
    urgency_source = fields.Selection(
        [("email", "Email subject"), ("portal", "Portal form"), ("staff", "Staff")],
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
    urgency_date = fields.Datetime(
        string="Urgent since",
        copy=False,
        readonly=True,
        help="When the request became urgent: the urgent SLAs count from this "
        "moment (a later email marked URGENTE, staff raising it).",
    )
    replaced_sla_ids = fields.One2many(
        "helpdesk.ticket.sla",
        "ticket_id",
        string="Replaced SLAs",
        domain=[("state", "=", "replaced")],
        readonly=True,
        help="The SLAs the request had before its urgency was raised.",
    )
    # the SLAs that apply; those replaced by an urgency stay as history
    ticket_sla_ids = fields.One2many(domain=[("state", "!=", "replaced")])
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
    impact = fields.Selection(
        selection=IMPACT_SELECTION,
        tracking=True,
        copy=False,
        help="What the request does to the customer's service. Plans that "
        "handle requests by impact give the worst the highest priority; SLAs "
        "may be made for one impact.",
    )
    resolution = fields.Html(
        copy=False,
        help="How the request was solved: sent to the customer when the ticket "
        "is closed as done.",
    )
    # the plan's take-in-charge promise as staff read it on the form: counted
    # now, in the plan's working hours, so not stored
    support_take_in_charge_deadline = fields.Datetime(
        string="Take in charge by",
        compute="_compute_support_take_in_charge",
        compute_sudo=True,
        groups="base.group_user",
        help="The plan's take-in-charge target (the urgent one for an urgent "
        "request), counted from the arrival in the plan's working hours.",
    )
    support_take_in_charge_left = fields.Float(
        string="Working hours left to take in charge",
        compute="_compute_support_take_in_charge",
        compute_sudo=True,
        groups="base.group_user",
        help="Working hours of the plan's calendar until the take-in-charge "
        "target; negative once it is missed.",
    )
    support_take_in_charge_countdown = fields.Char(
        string="Take in charge",
        compute="_compute_support_take_in_charge",
        compute_sudo=True,
        groups="base.group_user",
    )

    def _support_create_values(self, vals):
        vals = super()._support_create_values(vals)
        if not self._can_set_support_plan():
            vals.pop("urgency_review", None)
        if vals.get("is_urgent"):
            vals.update(self._urgency_values(vals.get("urgency_source") or "staff"))
        return vals

    def _support_request_created(self):
        res = super()._support_request_created()
        # recorded already past the first stage (staff logging a call they
        # are handling): in charge from its recording, without an email
        self._take_in_charge_on_first_move(notify=False)
        self.filtered("impact")._apply_impact_priority()
        self.filtered("is_urgent")._notify_urgency_out_of_hours()
        return res

    def _support_check_write(self, vals):
        if "urgency_review" in vals and not self._can_set_support_plan():
            raise AccessError(_("Only a support terms manager can review an urgency."))
        return super()._support_check_write(vals)

    def _support_write_values(self, vals):
        """Staff marking requests urgent: those not urgent yet become the
        staff's urgencies in the same write; those urgent already keep
        their source, review and date."""
        writes = super()._support_write_values(vals)
        if not vals.get("is_urgent") or "urgency_source" in vals:
            return writes
        raised = self._urgency_values("staff")
        split = []
        for tickets, values in writes:
            urgent = tickets.filtered("is_urgent")
            split += [(urgent, values), (tickets - urgent, {**values, **raised})]
        return [(tickets, values) for tickets, values in split if tickets]

    def _support_written(self, vals):
        res = super()._support_written(vals)
        if vals.get("stage_id"):
            self._take_in_charge_on_first_move()
        # sudo: the SLA lines are the system's count, agents may not delete them
        system = self.sudo()
        if vals.get("is_urgent"):
            # an urgency raised later: the SLAs that no longer apply stay on
            # the request as history (replaced), no longer counted nor monitored
            for ticket in system.filtered("team_sla"):
                ticket.ticket_sla_ids.filtered_domain(
                    [("sla_id", "not in", ticket._get_sla().ids)]
                ).write({"state": "replaced"})
        if vals.get("impact"):
            self._apply_impact_priority()
        if {"team_id", "support_plan_id", "is_urgent", "impact"} & set(vals):
            # the team, the plan and the urgency choose the SLAs. A ticket
            # routed to a team after it arrived gets the team's SLAs counted
            # from its arrival, as OCA counts a new ticket's; a team without
            # SLAs leaves it with none.
            for ticket in system:
                if ticket.team_sla:
                    ticket.refresh_sla()
                elif "team_id" in vals:
                    ticket.ticket_sla_ids.unlink()
        return res

    def _support_arrived(self, moment):
        """The take-in-charge and resolution targets count from the arrival:
        the SLAs running since the request was recorded start earlier."""
        res = super()._support_arrived(moment)
        # sudo: the SLA lines are the system's count, read only to agents
        self.sudo().ticket_sla_ids.filtered_domain(
            [("state", "=", "in_progress"), ("last_state_date", ">", moment)]
        ).write({"last_state_date": moment})
        return res

    def _support_system_fields(self):
        # how and when a request became urgent is recorded with the urgency
        return super()._support_system_fields() | {
            "taken_in_charge_date",
            "urgency_handling_date",
            "urgency_source",
            "urgency_date",
        }

    # -- SLAs ---------------------------------------------------------------

    def _get_sla_ticket_domain(self):
        return super()._get_sla_ticket_domain() + [
            "|",
            ("support_plan_ids", "=", False),
            ("support_plan_ids", "=", self.support_plan_id.id),
            ("urgency", "in", ["any", "urgent" if self.is_urgent else "normal"]),
            ("impact", "in", ["any", self.impact or "any"]),
        ]

    # -- impact -------------------------------------------------------------

    def _apply_impact_priority(self):
        """Plans handling requests by impact: the impact sets the priority,
        never below the one the request has (an urgency stays highest)."""
        for ticket in self.filtered("support_plan_id.impact_priority"):
            priority = IMPACT_PRIORITY[ticket.impact]
            if priority > (ticket.priority or "0"):
                ticket.priority = priority

    # -- take in charge -------------------------------------------------------

    @api.depends_context("lang")
    @api.depends(
        "support_plan_id",
        "is_urgent",
        "urgency_date",
        "taken_in_charge_date",
        "stage_id",
        "create_date",
    )
    def _compute_support_take_in_charge(self):
        now = fields.Datetime.now()
        for ticket in self:
            ticket.support_take_in_charge_deadline = False
            ticket.support_take_in_charge_left = 0.0
            ticket.support_take_in_charge_countdown = False
            # the plan's promise, the urgent one for an urgent request counted
            # from the urgency
            plan, start = ticket.support_plan_id, ticket.create_date
            urgent = ticket.is_urgent and plan.urgent_take_in_charge_hours
            hours = urgent or plan.take_in_charge_hours
            calendar = (
                (urgent and plan.urgent_calendar_id)
                or plan.resource_calendar_id
                or ticket.team_id.resource_calendar_id
            )
            if ticket.taken_in_charge_date or ticket.closed or not start or not hours:
                continue
            if urgent and ticket.urgency_date:
                start = max(start, ticket.urgency_date)
            # the calendar's arithmetic leaves microseconds: whole seconds
            deadline = calendar.plan_hours(hours, start, compute_leaves=True)
            deadline = deadline.replace(microsecond=0)
            late = deadline < now
            span = calendar.get_work_hours_count(
                min(now, deadline), max(now, deadline), compute_leaves=True
            )
            time = _hours_text(self.env, span)
            ticket.support_take_in_charge_deadline = deadline
            ticket.support_take_in_charge_left = -span if late else span
            ticket.support_take_in_charge_countdown = (
                _("late by %(time)s of working time", time=time)
                if late
                else _("%(time)s of working time left", time=time)
            )

    def action_take_in_charge(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": "support.take.in.charge.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_ticket_id": self.id},
        }

    def _take_in_charge(self, estimated_resolution_date=False, notify=True):
        """Record the take in charge and tell the customer, with the expected
        resolution date when known."""
        values = {"taken_in_charge_date": fields.Datetime.now()}
        if estimated_resolution_date:
            values["estimated_resolution_date"] = estimated_resolution_date
        self._support_record(values)
        if notify:
            self._send_customer_email("support_terms_sla.mail_template_taken_in_charge")

    def _take_in_charge_on_first_move(self, notify=True):
        """Leaving the first stage for an open one takes the request in charge;
        no email when the stage emails the customer itself."""
        moved = self.filtered(
            lambda t: not t.taken_in_charge_date
            and not t.stage_id.closed
            and t.stage_id != t.team_id._get_applicable_stages()[:1]
        )
        silent = moved.filtered(lambda t: not notify or t.stage_id.mail_template_id)
        silent._take_in_charge(notify=False)
        (moved - silent)._take_in_charge()

    # -- urgency ----------------------------------------------------------

    @api.model
    def _urgency_values(self, source):
        return {
            "is_urgent": True,
            "urgency_source": source,
            "urgency_review": "to_review",
            "priority": "3",
            "urgency_date": fields.Datetime.now(),
        }

    def _subject_is_urgent(self, subject, company=None):
        company = company or self.company_id[:1] or self.env.company
        return is_urgent(subject, parse_keywords(company.support_urgency_keywords))

    def _mark_urgent(self, source):
        self._support_record(self._urgency_values(source))
        self._notify_urgency_out_of_hours()

    @api.private
    @api.model
    def message_new(self, msg, custom_values=None):
        custom_values = dict(custom_values or {})
        company = self.env["res.company"].browse(custom_values.get("company_id"))
        team = self.env["helpdesk.ticket.team"].browse(custom_values.get("team_id"))
        if (
            not custom_values.get("is_urgent")
            # an automatic reply is no customer's urgency
            and not self.env.context.get("mail_autogenerated_header")
            and self._subject_is_urgent(msg.get("subject"), company or team.company_id)
        ):
            # urgent from its arrival: created urgent (the gateway runs as
            # superuser, which records the email as the source), in one write
            custom_values.update(is_urgent=True, urgency_source="email")
        return super().message_new(msg, custom_values=custom_values)

    @api.private
    def message_update(self, msg, update_vals=None):
        res = super().message_update(msg, update_vals=update_vals)
        author = self.env["res.partner"].browse(msg.get("author_id") or [])
        for ticket in self.filtered(lambda t: not t.is_urgent and not t.closed):
            urgent = ticket._subject_is_urgent(msg.get("subject"))
            if urgent and ticket._support_from_customer(author, msg.get("email_from")):
                ticket._mark_urgent("email")
        return res

    def _notify_urgency_out_of_hours(self):
        """An urgency out of the support hours: call the on-call staff when
        the plan handles urgencies now, else tell the customer when it will be
        handled."""
        now = fields.Datetime.now()
        for ticket in self:
            plan = ticket.support_plan_id
            calendar = plan.resource_calendar_id or ticket.team_id.resource_calendar_id
            if not calendar or calendar._support_in_hours(now):
                continue
            if plan.urgent_calendar_id._support_in_hours(now):
                # an activity for each on-call user; assigning it emails them
                for user in ticket._support_on_call_users():
                    ticket.activity_schedule(
                        "mail.mail_activity_data_todo",
                        user_id=user.id,
                        summary=_("Urgent request out of hours"),
                        note=ticket.name,
                    )
            else:
                # when the hours begin: the start of their first minute
                begin = calendar.plan_hours(0.01, now, compute_leaves=True)
                begin -= timedelta(hours=0.01)
                ticket._support_record({"urgency_handling_date": begin})
                ticket._send_customer_email(
                    "support_terms_sla.mail_template_urgent_out_of_hours"
                )

    def _support_on_call_users(self):
        """Who is called for an urgency out of hours: the team's on-call
        users, else its leader, else its members, else the support managers:
        an urgency always reaches someone."""
        self.ensure_one()
        team = self.team_id
        company = self.company_id or self.env.company
        return (
            team.on_call_user_ids
            or team.user_id
            or team.user_ids.filtered(lambda u: not u.share)
            or self.env.ref(MANAGER_GROUP).users.filtered(
                lambda u: not u.share and company in u.company_ids
            )
        )
