from odoo import api, fields, models


class HelpdeskTicketSla(models.Model):
    """Count an SLA in its own calendar when it has one.

    helpdesk_mgmt_sla counts in the team's calendar; the records whose SLA
    names a calendar are computed here with that calendar, the others by
    helpdesk_mgmt_sla unchanged.
    """

    _inherit = "helpdesk.ticket.sla"

    def _own_calendar(self):
        return self.filtered(lambda r: r.sla_id.resource_calendar_id)

    @api.depends("sla_id.resource_calendar_id", "sla_id.minutes")
    def _compute_sla_data(self):
        res = super()._compute_sla_data()
        for record in self:
            sla = record.sla_id
            if sla.resource_calendar_id:
                record.hours = sla.hours + sla.resource_calendar_id.hours_per_day * (
                    sla.days
                )
            record.hours += sla.minutes / 60.0
        return res

    @api.depends("sla_id.resource_calendar_id")
    def _compute_deadline(self):
        own = self._own_calendar()
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
            self.consumed_time = consumed + (
                self.sla_id.resource_calendar_id.get_work_hours_count(
                    since, fields.Datetime.now(), compute_leaves=True
                )
            )
        return res
