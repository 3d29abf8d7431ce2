from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.tools import float_round, format_date


class SupportCancellationNoticeResult(models.Model):
    _inherit = "support.cancellation.notice.result"

    outcome = fields.Selection(
        selection_add=[
            ("withdrawn", "Withdrawal: refunded in full"),
            ("free_withdrawal", "Free withdrawal: unused days refunded"),
        ],
        ondelete={"withdrawn": "cascade", "free_withdrawal": "cascade"},
    )

    def _compute_explanation(self):
        res = super()._compute_explanation()
        for result in self:
            if result.outcome == "withdrawn":
                result.explanation = self.env._(
                    "withdrawn within 14 days of the purchase at a distance "
                    "(Codice del consumo art. 52): refunded in full by a "
                    "credit note."
                )
            elif result.outcome == "free_withdrawal":
                result.explanation = self.env._(
                    "the renewal notice was not given in time (Codice del "
                    "consumo art. 65-bis): the service ends on %(end)s without "
                    "charges, the days paid and not used are refunded.",
                    end=format_date(self.env, result.end_date),
                )
        return res

    @api.model
    def _outcome_values(self, notice, service):
        right = service._support_consumer_right(notice)
        if not right:
            values = super()._outcome_values(notice, service)
            company = notice.company_id
            if company.support_it_law and values.get("outcome") == "early":
                notice.partner_id._support_warn_unapproved(
                    company, "no_refund", self.env._("Early termination without refund")
                )
            return values
        line = service._current_line()
        values = {"contract_line_id": line.id, "notice_deadline": line.notice_deadline}
        if right == "withdrawal":
            # art. 52: the whole price back, whatever the terms' refund window
            notice.refund_move_ids |= self._refund(notice, line)
            line.write({"is_canceled": True, "is_auto_renew": False})
            return dict(values, outcome="withdrawn", end_date=False)
        end = self._support_free_withdraw(notice, line)
        return dict(values, outcome="free_withdrawal", end_date=end)

    @api.model
    def _support_free_withdraw(self, notice, line):
        """Art. 65-bis: the service ends on the day asked (by default the day
        the notice arrived), the consumer pays only the days used; its end."""
        end = notice.requested_end_date or notice.received_date
        if line.date_end and end >= line.date_end:
            line.write({"is_auto_renew": False})
            return line.date_end
        notice.refund_move_ids |= self._support_refund_unused(notice, line, end)
        self._end_line(line, end)
        line.contract_id.message_post(
            body=Markup("%s")
            % self.env._(
                "%(service)s ended on %(date)s by the consumer's free withdrawal "
                "(Codice del consumo art. 65-bis).",
                service=line.name,
                date=format_date(self.env, end),
            )
        )
        return end

    @api.model
    def _support_refund_unused(self, notice, line, end):
        """A credit note of the days after ``end`` of the period last
        invoiced for ``line``, pro rata by days."""
        paid_end = line.last_date_invoiced
        if not paid_end or paid_end <= end:
            return self.env["account.move"]
        start = line.date_start
        if line.previous_period_end and line.previous_period_end < paid_end:
            start = max(start, fields.Date.add(line.previous_period_end, days=1))
        ratio = (paid_end - end).days / ((paid_end - start).days + 1)
        invoice_lines = self.env["account.move.line"].search(
            [
                ("contract_line_id", "=", line.id),
                ("move_id.move_type", "=", "out_invoice"),
                ("move_id.state", "=", "posted"),
            ],
            order="date desc, id desc",
        )
        if not invoice_lines:
            return self.env["account.move"]
        invoice = invoice_lines[0].move_id
        digits = self.env["decimal.precision"].precision_get("Product Price")
        return self._credit_note(
            invoice,
            notice,
            self.env._(
                "Days not used of %(invoice)s (withdrawal %(notice)s)",
                invoice=invoice.name,
                notice=notice.name,
            ),
            [
                {
                    "product_id": inv_line.product_id.id,
                    "name": self.env._(
                        "%(service)s: %(days)s days not used, from %(start)s",
                        service=inv_line.name,
                        days=(paid_end - end).days,
                        start=format_date(self.env, fields.Date.add(end, days=1)),
                    ),
                    "quantity": inv_line.quantity,
                    "price_unit": float_round(
                        inv_line.price_unit * ratio, precision_digits=digits
                    ),
                    "discount": inv_line.discount,
                    "tax_ids": [Command.set(inv_line.tax_ids.ids)],
                }
                for inv_line in invoice_lines.filtered(lambda ln: ln.move_id == invoice)
            ],
        )
