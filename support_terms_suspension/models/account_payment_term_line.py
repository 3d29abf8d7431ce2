from datetime import date, timedelta

from odoo import api, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date

from ..rules.late_payment import due_before_invoice

# every day of a leap year: the end-of-month delays differ from day to day
_SAMPLE_DATES = [date(2028, 1, 1) + timedelta(days=n) for n in range(366)]


class AccountPaymentTermLine(models.Model):
    _inherit = "account.payment.term.line"

    @api.constrains("nb_days", "delay_type", "days_next_month")
    def _check_support_due_not_before_invoice(self):
        """An invoice (the reactivation fee among them) is never due before
        its invoice date: the overdue suspension would otherwise strike a
        customer who had no chance to pay."""
        for line in self:
            for invoice_date in _SAMPLE_DATES:
                due = line._get_due_date(invoice_date)
                if due_before_invoice(invoice_date, [due]):
                    raise ValidationError(
                        self.env._(
                            "The payment terms %(term)s would make an invoice "
                            "dated %(date)s due on %(due)s, before the invoice "
                            "date: invoices and reactivation fees must be due on "
                            "or after their invoice date.",
                            term=line.payment_id.display_name,
                            date=format_date(self.env, invoice_date),
                            due=format_date(self.env, due),
                        )
                    )
