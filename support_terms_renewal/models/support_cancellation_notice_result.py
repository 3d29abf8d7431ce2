from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date

from ..rules import renewal as renewal_rules

OUTCOMES = [
    ("on_time", "On time: not renewed"),
    ("late", "Late: renewed once"),
    ("early", "Early termination, no refund"),
    ("refunded", "Refunded in full"),
]


class SupportCancellationNoticeResult(models.Model):
    """What a confirmed notice did to one service, and why."""

    _name = "support.cancellation.notice.result"
    _description = "Cancellation Notice Outcome"
    _order = "id"

    notice_id = fields.Many2one(
        "support.cancellation.notice", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="notice_id.company_id", store=True)
    contract_line_id = fields.Many2one(
        "contract.line", "Service", required=True, index=True
    )
    outcome = fields.Selection(OUTCOMES, required=True)
    notice_deadline = fields.Date("Last day to cancel")
    end_date = fields.Date("Service ends on")
    explanation = fields.Char(compute="_compute_explanation")

    def init(self):
        # a service is refunded once, whatever the number of notices
        self.env.cr.execute(
            "CREATE UNIQUE INDEX IF NOT EXISTS support_notice_result_refund_once "
            "ON support_cancellation_notice_result (contract_line_id) "
            "WHERE outcome = 'refunded'"
        )

    @api.depends(
        "outcome",
        "notice_deadline",
        "end_date",
        "notice_id.sent_date",
        "notice_id.received_date",
        "notice_id.judged_on",
    )
    @api.depends_context("lang")
    def _compute_explanation(self):
        """In the reader's language and date format: the customer's in its
        emails and portal."""

        def day(value):
            return format_date(self.env, value)

        for result in self:
            notice = result.notice_id
            facts = {
                "received": self.env._("sent on %(day)s", day=day(notice.sent_date))
                if notice.judged_on == "sent"
                else self.env._("received on %(day)s", day=day(notice.received_date)),
                "deadline": day(result.notice_deadline),
                "end": day(result.end_date),
            }
            if result.outcome == "on_time":
                result.explanation = self.env._(
                    "%(received)s, by the last day to cancel "
                    "(%(deadline)s): the service ends on %(end)s and is not "
                    "renewed.",
                    **facts,
                )
            elif result.outcome == "late":
                result.explanation = self.env._(
                    "%(received)s, after the last day to cancel "
                    "(%(deadline)s): the renewal is due, the service is renewed "
                    "once and ends on %(end)s.",
                    **facts,
                )
            elif result.outcome == "early":
                result.explanation = self.env._(
                    "terminated early on %(end)s as requested; the period "
                    "already paid is not refunded.",
                    **facts,
                )
            else:
                result.explanation = self.env._(
                    "cancelled within the refund window after purchase: "
                    "refunded in full by a credit note."
                )

    @api.model
    def _outcome_values(self, notice, service):
        """Stop ``service`` as ``notice`` decides; values of its outcome. A
        requested end on or after the end of the period is no early end."""
        line = service._current_line()
        judged = notice._judged_day()
        deadline, renewed, period_end = service._noticed_period(judged)
        values = {"contract_line_id": line.id, "notice_deadline": deadline}
        if renewal_rules.within_refund_window(
            line.purchase_datetime, notice.received_at, line._refund_window_hours()
        ):
            self._refund_in_full(notice, line)
            return dict(values, outcome="refunded", end_date=False)
        if notice.requested_end_date and notice.requested_end_date < period_end:
            self._terminate_early(line, notice.requested_end_date)
            return dict(values, outcome="early", end_date=notice.requested_end_date)
        outcome = renewal_rules.notice_outcome(judged, deadline, renewed)
        if outcome == renewal_rules.ON_TIME and renewed:
            line = self._undo_renewal(line)
        elif outcome == renewal_rules.LATE and line.is_auto_renew:
            # the renewal due happens once; the renewed period ends the service
            line = line.renew()
        line.write({"is_auto_renew": False})
        return dict(
            values,
            contract_line_id=line.id,
            outcome="on_time" if outcome == renewal_rules.ON_TIME else "late",
            end_date=line.date_end,
        )

    @api.model
    def _refund_in_full(self, notice, line):
        # the unique index refuses it too, but after the credit note
        refunded = self.search(
            [("contract_line_id", "=", line.id), ("outcome", "=", "refunded")], limit=1
        )
        if refunded:
            raise ValidationError(
                self.env._(
                    "%(service)s was already refunded by cancellation notice "
                    "%(notice)s: it is refunded only once.",
                    service=line.name,
                    notice=refunded.notice_id.name,
                )
            )
        notice.refund_move_ids |= self._refund(notice, line)
        line.write({"is_canceled": True, "is_auto_renew": False})

    def _post_on_contracts(self, notice):
        by_contract = self.grouped(lambda r: r.contract_line_id.contract_id)
        for contract, results in by_contract.items():
            body = Markup("<p>%s</p><ul>%s</ul>") % (
                self.env._(
                    "Cancellation notice %(notice)s confirmed:", notice=notice.name
                ),
                Markup().join(
                    Markup("<li>%s: %s</li>") % (r.contract_line_id.name, r.explanation)
                    for r in results
                ),
            )
            contract.message_post(body=body)

    @api.model
    def _refund(self, notice, lines):
        """Full credit notes of what was invoiced for ``lines``."""
        invoice_lines = self.env["account.move.line"].search(
            [
                ("contract_line_id", "in", lines.ids),
                ("move_id.move_type", "=", "out_invoice"),
                ("move_id.state", "=", "posted"),
            ]
        )
        refunds = self.env["account.move"]
        for invoice, inv_lines in invoice_lines.grouped("move_id").items():
            refunds |= self._credit_note(
                invoice,
                notice,
                self.env._(
                    "Refund of %(invoice)s (cancellation %(notice)s)",
                    invoice=invoice.name,
                    notice=notice.name,
                ),
                [
                    {
                        "product_id": line.product_id.id,
                        "name": line.name,
                        "quantity": line.quantity,
                        "price_unit": line.price_unit,
                        "discount": line.discount,
                        "tax_ids": [Command.set(line.tax_ids.ids)],
                    }
                    for line in inv_lines
                ],
            )
        return refunds

    @api.model
    def _credit_note(self, invoice, notice, ref, line_values):
        """A posted credit note of ``invoice`` for ``notice``."""
        refund = self.env["account.move"].create(
            {
                "move_type": "out_refund",
                "partner_id": invoice.partner_id.id,
                "company_id": invoice.company_id.id,
                "currency_id": invoice.currency_id.id,
                "journal_id": invoice.journal_id.id,
                "reversed_entry_id": invoice.id,
                "invoice_origin": notice.name,
                "ref": ref,
                "invoice_line_ids": [Command.create(vals) for vals in line_values],
            }
        )
        refund.action_post()
        return refund

    @api.model
    def _undo_renewal(self, line):
        """Back to the period a notice on time was for; the line of it."""
        predecessor = line.predecessor_contract_line_id
        if predecessor and predecessor.date_end == line.previous_period_end:
            line.write({"is_canceled": True, "is_auto_renew": False})
            predecessor.successor_contract_line_id = False
            return predecessor
        line.write({"date_end": line.previous_period_end, "previous_period_end": False})
        return line

    @api.model
    def _end_line(self, line, end_date):
        """End ``line`` on ``end_date``, cancelled if it had not begun: what
        was invoiced stays due, so the line counts as invoiced up to its new
        end (OCA refuses an end before the last invoiced day)."""
        if end_date < line.date_start:
            line.write({"is_canceled": True, "is_auto_renew": False})
            return
        values = {"date_end": end_date, "is_auto_renew": False}
        if line.last_date_invoiced and line.last_date_invoiced > end_date:
            values["last_date_invoiced"] = end_date
        line.write(values)

    @api.model
    def _terminate_early(self, line, end_date):
        """End the service on ``end_date`` without refund."""
        self._end_line(line, end_date)
        if end_date >= line.date_start:
            line.contract_id.message_post(
                body=self.env._(
                    "%(service)s terminated early on %(date)s, without refund.",
                    service=line.name,
                    date=format_date(self.env, end_date),
                )
            )
