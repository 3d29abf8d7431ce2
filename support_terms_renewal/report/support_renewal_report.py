from odoo import fields, models

from ..models.support_cancellation_notice_result import OUTCOMES


class SupportRenewalReport(models.Model):
    """Renewals (a line's new period, only its last when OCA extends the
    line), cancellations (each service of a confirmed notice, on the day it
    ends) and renewal offers not confirmed by the end of their period."""

    _name = "support.renewal.report"
    _description = "Renewals and cancellations"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "line_id"

    kind = fields.Selection(
        [
            ("renewal", "Renewal"),
            ("cancellation", "Cancellation"),
            ("lapsed", "Not renewed"),
        ],
        readonly=True,
    )
    date = fields.Date("Takes effect on", readonly=True)
    line_id = fields.Many2one("contract.line", string="Service", readonly=True)
    contract_id = fields.Many2one("contract.contract", readonly=True)
    product_id = fields.Many2one("product.product", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    outcome = fields.Selection(OUTCOMES, readonly=True)
    renewal_count = fields.Integer("Renewals", readonly=True)
    cancellation_count = fields.Integer("Cancellations", readonly=True)
    lapsed_count = fields.Integer("Not renewed", readonly=True)

    @property
    def _table_query(self):
        return """
            SELECT e.id, e.kind, e.date, cl.id AS line_id, c.id AS contract_id,
                   cl.product_id,
                   COALESCE(e.partner_id, c.partner_id) AS partner_id,
                   COALESCE(e.company_id, c.company_id) AS company_id,
                   e.outcome,
                   (e.kind = 'renewal')::int AS renewal_count,
                   (e.kind = 'cancellation')::int AS cancellation_count,
                   (e.kind = 'lapsed')::int AS lapsed_count
              FROM (
                    SELECT id * 3 AS id, 'renewal' AS kind,
                           previous_period_end + 1 AS date, id AS line_id,
                           NULL::int AS partner_id, NULL::int AS company_id,
                           NULL AS outcome
                      FROM contract_line
                     WHERE previous_period_end IS NOT NULL
                    UNION ALL
                    SELECT r.id * 3 + 1, 'cancellation',
                           COALESCE(r.end_date, n.confirmed_datetime::date),
                           r.contract_line_id, n.partner_id, n.company_id, r.outcome
                      FROM support_cancellation_notice_result r
                      JOIN support_cancellation_notice n ON n.id = r.notice_id
                     WHERE n.state = 'confirmed'
                    UNION ALL
                    SELECT id * 3 + 2, 'lapsed', period_end, contract_line_id,
                           NULL, NULL, NULL
                      FROM support_renewal_offer
                     WHERE state = 'lapsed'
                   ) e
              JOIN contract_line cl ON cl.id = e.line_id
              JOIN contract_contract c ON c.id = cl.contract_id
        """
