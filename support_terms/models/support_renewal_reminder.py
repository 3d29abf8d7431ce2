from collections import defaultdict
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools import format_date


class SupportRenewalReminder(models.Model):
    """A reminder owed to a customer for one period of one service.

    The unique key (line, kind, period end) is what makes the reminder cron
    send each reminder once, whatever the number of runs.
    """

    _name = "support.renewal.reminder"
    _description = "Renewal Reminder"
    _order = "id desc"

    contract_line_id = fields.Many2one(
        comodel_name="contract.line",
        required=True,
        ondelete="cascade",
        index=True,
        readonly=True,
    )
    contract_id = fields.Many2one(
        related="contract_line_id.contract_id", store=True, index=True
    )
    partner_id = fields.Many2one(
        related="contract_line_id.contract_id.partner_id", string="Customer"
    )
    company_id = fields.Many2one(
        related="contract_line_id.contract_id.company_id", store=True, index=True
    )
    kind = fields.Selection(
        selection=[
            ("notice", "Before the last day to cancel"),
            ("end", "Before the end"),
        ],
        required=True,
        readonly=True,
    )
    period_end = fields.Date(required=True, readonly=True)
    notice_deadline = fields.Date(
        related="contract_line_id.notice_deadline", string="Last day to cancel"
    )
    state = fields.Selection(
        selection=[("sent", "Sent"), ("skipped", "Skipped: date already past")],
        required=True,
        default="sent",
        readonly=True,
    )

    # plain fields for the email templates, so that Odoo renders thousands
    # of reminders with its regex renderer, without QWeb evaluation
    service_name = fields.Text(related="contract_line_id.name")
    customer_name = fields.Char(related="partner_id.name")
    notice_channels_text = fields.Char(
        related="company_id.support_notice_channels_label"
    )
    period_end_text = fields.Char(compute="_compute_date_texts")
    notice_deadline_text = fields.Char(compute="_compute_date_texts")
    renewal_date_text = fields.Char(compute="_compute_date_texts")

    _sql_constraints = [
        (
            "line_kind_period_uniq",
            "unique(contract_line_id, kind, period_end)",
            "A reminder is sent once per service, kind and period.",
        ),
    ]

    @api.depends("period_end", "contract_line_id.notice_deadline")
    @api.depends_context("lang")
    def _compute_date_texts(self):
        for reminder in self:
            reminder.period_end_text = format_date(self.env, reminder.period_end)
            reminder.notice_deadline_text = format_date(
                self.env, reminder.contract_line_id.notice_deadline
            )
            reminder.renewal_date_text = format_date(
                self.env, reminder.period_end + timedelta(days=1)
            )

    def mail_allowed_qweb_expressions(self):
        return super().mail_allowed_qweb_expressions() + (
            "object.service_name",
            "object.customer_name",
            "object.notice_channels_text",
            "object.period_end_text",
            "object.notice_deadline_text",
            "object.renewal_date_text",
            "object.partner_id.id",
            "object.partner_id.lang",
            "object.company_id.partner_id.email_formatted",
        )

    def _notify_customers(self):
        """Email the customers and note it in the contracts' chatter, in batch.

        The emails are rendered and queued by ``send_mail_batch`` (sent by
        the mail queue); the notes are written by ``_message_log_batch``, one
        per contract, without notifying anyone again.
        """
        if not self:
            return
        subtype_id = self.env.ref("mail.mt_comment").id
        for kind, xmlid in (
            ("notice", "support_terms.mail_template_renewal_reminder"),
            ("end", "support_terms.mail_template_renewal_reminder_end"),
        ):
            reminders = self.filtered(lambda r, kind=kind: r.kind == kind)
            if reminders:
                self.env.ref(xmlid).send_mail_batch(
                    reminders.ids,
                    email_values={
                        "message_type": "auto_comment",
                        "subtype_id": subtype_id,
                    },
                )
        items = defaultdict(list)
        for reminder in self:
            line = reminder.contract_line_id
            if reminder.kind == "notice":
                text = self.env._(
                    "%(service)s: ends on %(end)s, last day to cancel %(deadline)s",
                    service=line.name,
                    end=format_date(self.env, reminder.period_end),
                    deadline=format_date(self.env, line.notice_deadline),
                )
            else:
                text = self.env._(
                    "%(service)s: ends on %(end)s",
                    service=line.name,
                    end=format_date(self.env, reminder.period_end),
                )
            items[reminder.contract_id].append(Markup("<li>%s</li>") % text)
        bodies = {
            contract.id: Markup("<p>%s</p><ul>%s</ul>")
            % (
                self.env._(
                    "Renewal reminder emailed to %(customer)s:",
                    customer=contract.partner_id.display_name,
                ),
                Markup().join(lines),
            )
            for contract, lines in items.items()
        }
        contracts = self.env["contract.contract"].browse(list(bodies))
        contracts._message_log_batch(bodies)
