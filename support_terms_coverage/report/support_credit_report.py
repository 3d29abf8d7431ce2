from odoo import fields, models

from ..models.support_credit_move import MOVE_TYPES


class SupportCreditReport(models.Model):
    """Prepaid credits sold, used, expired and withdrawn, as positive figures
    (the credit moves keep their signs), by customer and month."""

    _name = "support.credit.report"
    _description = "Support credits analysis"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "move_type"

    date = fields.Date(readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    ticket_id = fields.Many2one("helpdesk.ticket", string="Request", readonly=True)
    move_type = fields.Selection(MOVE_TYPES, string="Type", readonly=True)
    credits = fields.Float(readonly=True, digits=(16, 2))
    sold = fields.Float(string="Bought", readonly=True, digits=(16, 2))
    used = fields.Float(readonly=True, digits=(16, 2))
    expired = fields.Float(readonly=True, digits=(16, 2))
    withdrawn = fields.Float(readonly=True, digits=(16, 2))

    @property
    def _table_query(self):
        return """
            SELECT m.id, m.date, m.partner_id, m.company_id, m.ticket_id, m.move_type,
                   ABS(m.quantity) AS credits,
                   CASE WHEN m.move_type = 'grant' THEN m.quantity ELSE 0 END AS sold,
                   CASE WHEN m.move_type = 'consumption' THEN -m.quantity ELSE 0 END
                       AS used,
                   CASE WHEN m.move_type = 'expiry' THEN -m.quantity ELSE 0 END
                       AS expired,
                   CASE WHEN m.move_type = 'reversal' THEN -m.quantity ELSE 0 END
                       AS withdrawn
              FROM support_credit_move m
        """
