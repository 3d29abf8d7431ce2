from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError

# Consumer Code art. 52: 14 days to withdraw from a contract at a distance
WITHDRAWAL_DAYS = 14
# Consumer Code art. 65-bis: the renewal notice at least 30 days before expiry
CONSUMER_NOTICE_DAYS = 30


class ContractLine(models.Model):
    _inherit = "contract.line"

    free_withdrawal_until = fields.Date(
        string="Free withdrawal until",
        readonly=True,
        copy=False,
        help="The consumer was not told in time of the last day to cancel "
        "(Consumer Code art. 65-bis): until this day it may end the service "
        "whenever it wants, paying only for the days used.",
    )
    withdrawal_until = fields.Date(
        string="Withdrawal until",
        compute="_compute_withdrawal_until",
        help="Last day a consumer may withdraw from this service bought at a "
        "distance and be refunded in full (Consumer Code art. 52).",
    )

    @api.model_create_multi
    def create(self, vals_list):
        self._support_refuse_free_withdrawal(vals_list)
        lines = super().create(vals_list)
        lines._support_inform_withdrawal()
        return lines

    def write(self, vals):
        self._support_refuse_free_withdrawal([vals])
        return super().write(vals)

    @api.model
    def _support_refuse_free_withdrawal(self, vals_list):
        """A free withdrawal is what the law gives when the renewal notice
        was not delivered: recorded by the reminders, never by a user (OCA
        lets accounting write contract lines)."""
        if not self.env.su and any("free_withdrawal_until" in v for v in vals_list):
            raise AccessError(
                self.env._(
                    "The free withdrawal is recorded when the renewal notice "
                    "could not be delivered in time; it cannot be written."
                )
            )

    def _support_inform_withdrawal(self):
        """The consumer buying at a distance is told of its right of
        withdrawal with the contract (Consumer Code art. 49)."""
        template = self.env.ref(
            "support_terms_l10n_it.mail_template_withdrawal_information"
        )
        informed = self.filtered(
            lambda line: line.withdrawal_until
            and line.withdrawal_until >= line.company_id._support_today()
        )
        for contract in informed.contract_id:
            contract.message_post_with_source(
                template,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=contract.partner_id.ids,
            )

    @api.depends(
        "purchase_datetime",
        "contract_id.support_sold_at_distance",
        "contract_id.partner_id.commercial_partner_id.support_is_consumer",
        "company_id.support_it_law",
    )
    def _compute_withdrawal_until(self):
        """The last day to withdraw in the company's days, False without the
        right: the day of the purchase is not counted, the 14th after it is."""
        for line in self:
            line.withdrawal_until = (
                line.purchase_datetime
                and line.contract_id.support_sold_at_distance
                and line._support_consumer_law()
                and line.company_id._support_date_of(line.purchase_datetime)
                + timedelta(days=WITHDRAWAL_DAYS)
            )

    def _support_consumer_law(self):
        """Whether the company applies the consumer law to the customer."""
        self.ensure_one()
        customer = self.contract_id.partner_id.commercial_partner_id
        return bool(self.company_id.support_it_law and customer.support_is_consumer)

    def _support_consumer_notice_day(self, period_end):
        """The last day the art. 65-bis notice of the period ending on
        ``period_end`` may be sent: the day before the last day to cancel,
        and never later than 30 days before the expiry."""
        self.ensure_one()
        latest = period_end - timedelta(days=CONSUMER_NOTICE_DAYS)
        if self.notice_deadline and self.date_end == period_end:
            latest = min(latest, self.notice_deadline - timedelta(days=1))
        return latest

    def _reminder_target_day(self, kind, period_end):
        if kind == "consumer_notice":
            return self._support_consumer_notice_day(period_end)
        return super()._reminder_target_day(kind, period_end)

    @api.depends(
        "contract_id.partner_id.support_is_consumer", "company_id.support_it_law"
    )
    def _compute_renewal_reminder_date(self):
        return super()._compute_renewal_reminder_date()

    def _renewal_reminders_owed(self, remind_end):
        """A consumer's service that renews by itself owes the notice of the
        Consumer Code (art. 65-bis) instead of the ordinary reminder before
        the last day to cancel, whatever the reminder days; a period already
        announced by an ordinary reminder sent in time owes none."""
        owed = super()._renewal_reminders_owed(remind_end)
        if not (
            self.is_auto_renew
            and self.date_end
            and self.notice_deadline
            and not (
                self.is_canceled
                or self.display_type
                or self.service_state == "terminated"
                or self.successor_contract_line_id
            )
            and self._support_consumer_law()
        ):
            return owed
        period_end = self.date_end
        owed.pop(("notice", period_end), None)
        latest = self._support_consumer_notice_day(period_end)
        done = (self | self.predecessor_contract_line_id).renewal_reminder_ids.filtered(
            lambda r: r.period_end == period_end
            and (
                r.kind == "consumer_notice"
                or (
                    r.kind == "notice"
                    and r.state == "sent"
                    and self.company_id._support_date_of(r.sent_at or r.create_date)
                    <= latest
                )
            )
        )
        if not done:
            days = max(self.renewal_reminder_days, 0)
            owed[("consumer_notice", period_end)] = latest - timedelta(days=days)
        return owed

    def _support_grant_free_withdrawal(self, period_end):
        """The notice of the period ending on ``period_end`` was not
        delivered in time: the consumer may withdraw until the end of the
        period after it (art. 65-bis)."""
        for line in self:
            until = line.date_end
            if not until or until <= period_end:
                until = line._get_renewal_new_date_end()
            # the law's consequence of a notice not delivered, whoever's
            # action found it out
            line.sudo().free_withdrawal_until = until
            line.contract_id.message_post(
                body=self.env._(
                    "%(service)s: the consumer was not told in time of the last "
                    "day to cancel (Consumer Code art. 65-bis); it may withdraw "
                    "without charges until %(until)s, paying only the days used.",
                    service=line.name,
                    until=fields.Date.to_string(until),
                )
            )

    def renew(self):
        rights = {line.id: line.free_withdrawal_until for line in self}
        new_lines = super().renew()
        for new_line in new_lines:
            old = new_line.predecessor_contract_line_id
            if new_line.id not in rights and rights.get(old.id):
                # the right follows the renewal, whoever renews the line
                new_line.sudo().free_withdrawal_until = rights[old.id]
        for line in new_lines.filtered("company_id.support_it_law"):
            line.contract_id.partner_id._support_warn_unapproved(
                line.company_id, "renewal", self.env._("Tacit renewal")
            )
        return new_lines

    def _support_consumer_right(self, notice):
        """'withdrawal' when ``notice`` was sent within the withdrawal period
        (art. 54: sent in time is enough), 'free_withdrawal' when it was sent
        while the consumer may withdraw freely (art. 65-bis), else False."""
        self.ensure_one()
        line = self._current_line()
        sent = notice.sent_date
        if not sent or not line._support_consumer_law():
            return False
        if line.withdrawal_until and sent <= line.withdrawal_until:
            return "withdrawal"
        free_until = line.free_withdrawal_until or self.free_withdrawal_until
        if free_until and sent <= free_until:
            return "free_withdrawal"
        return False
