from datetime import timedelta

from markupsafe import Markup

from odoo import _, api, fields, models

from odoo.addons.support_terms_base.tools import run_due_batch


class HelpdeskTicketSla(models.Model):
    """Count an SLA in its own calendar when it has one, in the team's (as
    helpdesk_mgmt_sla does) otherwise."""

    _inherit = "helpdesk.ticket.sla"

    deadline = fields.Datetime(index=True)
    warning_date = fields.Datetime(
        compute="_compute_warning_date",
        store=True,
        index=True,
        groups="base.group_user",
        help="When the team is warned that the deadline comes: the deadline "
        "minus the team's margin.",
    )
    # what the monitor did is recorded once, as events; the flags are their
    # indexed summary for its due domains. Staff's, never the customer's.
    event_ids = fields.One2many(
        "support.sla.event", "ticket_sla_id", groups="base.group_user"
    )
    warned = fields.Boolean(
        compute="_compute_monitor_flags",
        store=True,
        index=True,
        groups="base.group_user",
    )
    escalated = fields.Boolean(
        compute="_compute_monitor_flags",
        store=True,
        index=True,
        groups="base.group_user",
    )
    state = fields.Selection(
        selection_add=[("replaced", "Replaced")], ondelete={"replaced": "set default"}
    )

    @api.depends("event_ids.kind")
    def _compute_monitor_flags(self):
        for record in self:
            kinds = set(record.event_ids.mapped("kind"))
            record.warned = "warning" in kinds
            record.escalated = "escalation" in kinds

    @api.depends("deadline", "ticket_id.team_id.sla_warning_margin_hours")
    def _compute_warning_date(self):
        for record in self:
            margin = timedelta(hours=record.ticket_id.team_id.sla_warning_margin_hours)
            record.warning_date = record.deadline and record.deadline - margin

    # -- the SLA monitor ---------------------------------------------------

    @api.model
    def _cron_sla_monitor(self):
        """Warn before a deadline, escalate once after it; one batch a call.
        The event's unique constraint makes each happen once per ticket SLA."""
        now = fields.Datetime.now()
        slas = self.with_context(
            tracking_disable=True, mail_notrack=True, mail_activity_quick_update=True
        )
        running = [("state", "=", "in_progress"), ("ticket_id.active", "=", True)]
        late = [*running, ("deadline", "<", now), ("escalated", "=", False)]
        near = [
            *running,
            ("warning_date", "<=", now),
            ("deadline", ">=", now),
            ("warned", "=", False),
        ]
        return run_due_batch(
            slas,
            "support_terms.sla_monitor_batch_size",
            1000,
            "deadline, id",
            [
                (late, lambda due: due._escalate(now)),
                (near, lambda due: due._warn(now)),
            ],
        )

    def _log_monitor_event(self, kind, now):
        self.env["support.sla.event"].create(
            [{"ticket_sla_id": sla.id, "kind": kind, "date": now} for sla in self]
        )

    def _warn(self, now):
        """One activity for the assignee, else for whoever an urgency out of
        hours would call."""
        self._log_monitor_event("warning", now)
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id("helpdesk.ticket")
        self.env["mail.activity"].create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": sla.ticket_id.id,
                    "activity_type_id": activity_type.id,
                    "user_id": user.id,
                    "summary": self.env._("SLA %(sla)s about to expire", sla=sla.name),
                    "date_deadline": sla.ticket_id.company_id._support_date_of(
                        sla.deadline
                    ),
                }
                for sla in self
                for user in sla.ticket_id.user_id
                or sla.ticket_id._support_on_call_users()
            ]
        )

    def _escalate(self, now):
        """Raise the priority, note it in the chatter, tell the team leader."""
        self._log_monitor_event("escalation", now)
        self.ticket_id.filtered(lambda t: t.priority != "3").write({"priority": "3"})
        for sla in self:
            ticket = sla.ticket_id
            leader = ticket.team_id.user_id or ticket._support_on_call_users()
            ticket.message_post(
                body=Markup("<p>%s</p>")
                % _(
                    "SLA %(sla)s expired on %(deadline)s: priority raised.",
                    sla=sla.name,
                    deadline=fields.Datetime.to_string(sla.deadline),
                ),
                subtype_xmlid="mail.mt_note",
                partner_ids=leader.partner_id.ids,
            )

    # helpdesk_mgmt_sla reads the team's calendar inline
    # (``ticket_id.team_id.resource_calendar_id``) in _compute_sla_data,
    # _compute_deadline and _stage_recompute, without a hook: each is
    # overridden at its narrowest for the SLAs that name their own calendar.

    @api.depends("sla_id.resource_calendar_id", "sla_id.minutes")
    def _compute_sla_data(self):
        replaced = self.filtered(lambda r: r.state == "replaced")
        res = super()._compute_sla_data()
        replaced.state = "replaced"
        for record in self:
            sla = record.sla_id
            # an urgent SLA counts from the moment the request became urgent
            # (a later email marked URGENTE), not from its arrival
            urgent_since = sla.urgency == "urgent" and record.ticket_id.urgency_date
            if record.last_state_date and urgent_since:
                record.last_state_date = max(record.last_state_date, urgent_since)
            calendar = sla.resource_calendar_id
            if calendar:
                record.hours = sla.hours + calendar.hours_per_day * sla.days
            record.hours += sla.minutes / 60.0
        return res

    @api.depends("sla_id.resource_calendar_id")
    def _compute_deadline(self):
        own = self.filtered(lambda r: r.sla_id.resource_calendar_id)
        res = super(HelpdeskTicketSla, self - own)._compute_deadline()
        for record in own:
            if record.state in ("accomplished", "expired") and record.deadline:
                continue  # a missed or met deadline stays as it was
            start = record.last_state_date or record.ticket_id.create_date
            record.deadline = record.sla_id.resource_calendar_id.plan_hours(
                record.hours - record.consumed_time, start, compute_leaves=True
            )
        return res

    def _stage_recompute(self):
        if not self.sla_id.resource_calendar_id:
            return super()._stage_recompute()
        was_running = self.state == "in_progress"
        since, consumed = self.last_state_date, self.consumed_time
        res = super()._stage_recompute()
        if was_running and since:
            worked = self.sla_id.resource_calendar_id.get_work_hours_count(
                since, fields.Datetime.now(), compute_leaves=True
            )
            self.consumed_time = consumed + worked
        return res
