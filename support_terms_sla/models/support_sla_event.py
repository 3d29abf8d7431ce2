from odoo import fields, models


class SupportSlaEvent(models.Model):
    """What the SLA monitor did about a ticket SLA: warned, or escalated;
    once per ticket SLA, whatever the runs (overlapping, restarted)."""

    _name = "support.sla.event"
    _description = "SLA warning or escalation"
    _order = "date desc, id desc"

    ticket_sla_id = fields.Many2one(
        "helpdesk.ticket.sla", required=True, ondelete="cascade", index=True
    )
    ticket_id = fields.Many2one(related="ticket_sla_id.ticket_id", store=True)
    company_id = fields.Many2one(related="ticket_id.company_id", store=True)
    kind = fields.Selection(
        [("warning", "About to expire"), ("escalation", "Expired")], required=True
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now)

    _sql_constraints = [
        (
            "kind_once_per_ticket_sla",
            "unique(ticket_sla_id, kind)",
            "A ticket SLA is warned once and escalated once.",
        )
    ]
