from odoo import fields, models


class SupportSlaReport(models.Model):
    """SLA compliance: each take-in-charge target of a request, met or
    missed, by plan, team, urgency and the month the request arrived.

    Met: the request reached the SLA's stage in time; missed: the deadline
    passed first (also while it still runs late); running: neither yet, on
    hold included. An SLA replaced by a merge counts for nothing.
    """

    _name = "support.sla.report"
    _description = "SLA compliance"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "sla_id"

    ticket_id = fields.Many2one("helpdesk.ticket", string="Request", readonly=True)
    sla_id = fields.Many2one("helpdesk.sla", string="SLA", readonly=True)
    plan_id = fields.Many2one("support.plan", string="Plan", readonly=True)
    team_id = fields.Many2one("helpdesk.ticket.team", string="Team", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    urgency = fields.Selection(
        selection=[("urgent", "Urgent"), ("normal", "Not urgent")], readonly=True
    )
    date = fields.Datetime(string="Arrived on", readonly=True)
    deadline = fields.Datetime(readonly=True)
    result = fields.Selection(
        selection=[("met", "Met"), ("missed", "Missed"), ("running", "Running")],
        readonly=True,
    )
    met_count = fields.Integer(string="Met", readonly=True)
    missed_count = fields.Integer(string="Missed", readonly=True)
    compliance = fields.Float(
        string="Met (%)",
        aggregator="avg",
        readonly=True,
        help="The share of the SLAs met among those met or missed.",
    )

    @property
    def _table_query(self):
        result = """
            CASE
                WHEN hts.state = 'accomplished' THEN 'met'
                WHEN hts.state = 'expired'
                    OR (hts.state = 'in_progress'
                        AND hts.deadline < NOW() AT TIME ZONE 'UTC')
                    THEN 'missed'
                ELSE 'running'
            END
        """
        return f"""
            SELECT hts.id AS id,
                   hts.ticket_id AS ticket_id,
                   hts.sla_id AS sla_id,
                   ht.support_plan_id AS plan_id,
                   ht.team_id AS team_id,
                   ht.partner_id AS partner_id,
                   ht.company_id AS company_id,
                   CASE WHEN ht.is_urgent THEN 'urgent' ELSE 'normal' END AS urgency,
                   ht.create_date AS date,
                   hts.deadline AS deadline,
                   r.result AS result,
                   CASE WHEN r.result = 'met' THEN 1 ELSE 0 END AS met_count,
                   CASE WHEN r.result = 'missed' THEN 1 ELSE 0 END AS missed_count,
                   CASE r.result WHEN 'met' THEN 100.0 WHEN 'missed' THEN 0.0 END
                       AS compliance
              FROM helpdesk_ticket_sla hts
              JOIN helpdesk_ticket ht ON ht.id = hts.ticket_id
              CROSS JOIN LATERAL (SELECT {result} AS result) r
             WHERE hts.state != 'replaced'
        """
