from odoo import fields, models

from ..models.support_cancellation_notice_result import OUTCOMES


class SupportRenewalReport(models.Model):
    """Renewals and cancellations of services, by the month they take effect.

    A renewal: a service line renewed (its new period's first day; OCA's
    renewal extending the line keeps only its last renewal). A cancellation:
    each service of a confirmed cancellation notice, on the day it ends,
    with the notice's outcome (on time, late and renewed once, early, refunded).
    Not renewed: a service renewed by the customer's choice whose renewal
    quotation was not confirmed by its end, on that day.
    """

    _name = "support.renewal.report"
    _description = "Renewals and cancellations"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "line_id"

    kind = fields.Selection(
        selection=[
            ("renewal", "Renewal"),
            ("cancellation", "Cancellation"),
            ("lapsed", "Not renewed"),
        ],
        readonly=True,
    )
    date = fields.Date(string="Takes effect on", readonly=True)
    line_id = fields.Many2one("contract.line", string="Service", readonly=True)
    contract_id = fields.Many2one("contract.contract", readonly=True)
    product_id = fields.Many2one("product.product", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    outcome = fields.Selection(selection=OUTCOMES, readonly=True)
    renewal_count = fields.Integer(string="Renewals", readonly=True)
    cancellation_count = fields.Integer(string="Cancellations", readonly=True)
    lapsed_count = fields.Integer(string="Not renewed", readonly=True)

    @property
    def _table_query(self):
        return """
            SELECT cl.id * 3 AS id,
                   'renewal' AS kind,
                   cl.previous_period_end + 1 AS date,
                   cl.id AS line_id,
                   c.id AS contract_id,
                   cl.product_id AS product_id,
                   c.partner_id AS partner_id,
                   c.company_id AS company_id,
                   NULL AS outcome,
                   1 AS renewal_count,
                   0 AS cancellation_count,
                   0 AS lapsed_count
              FROM contract_line cl
              JOIN contract_contract c ON c.id = cl.contract_id
             WHERE cl.previous_period_end IS NOT NULL
            UNION ALL
            SELECT r.id * 3 + 1 AS id,
                   'cancellation' AS kind,
                   COALESCE(r.end_date, n.confirmed_datetime::date) AS date,
                   cl.id AS line_id,
                   c.id AS contract_id,
                   cl.product_id AS product_id,
                   n.partner_id AS partner_id,
                   n.company_id AS company_id,
                   r.outcome AS outcome,
                   0 AS renewal_count,
                   1 AS cancellation_count,
                   0 AS lapsed_count
              FROM support_cancellation_notice_result r
              JOIN support_cancellation_notice n ON n.id = r.notice_id
              JOIN contract_line cl ON cl.id = r.contract_line_id
              JOIN contract_contract c ON c.id = cl.contract_id
             WHERE n.state = 'confirmed'
            UNION ALL
            SELECT o.id * 3 + 2 AS id,
                   'lapsed' AS kind,
                   o.period_end AS date,
                   cl.id AS line_id,
                   c.id AS contract_id,
                   cl.product_id AS product_id,
                   c.partner_id AS partner_id,
                   c.company_id AS company_id,
                   NULL AS outcome,
                   0 AS renewal_count,
                   0 AS cancellation_count,
                   1 AS lapsed_count
              FROM support_renewal_offer o
              JOIN contract_line cl ON cl.id = o.contract_line_id
              JOIN contract_contract c ON c.id = cl.contract_id
             WHERE o.state = 'lapsed'
        """
