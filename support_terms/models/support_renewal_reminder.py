from odoo import fields, models


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

    _sql_constraints = [
        (
            "line_kind_period_uniq",
            "unique(contract_line_id, kind, period_end)",
            "A reminder is sent once per service, kind and period.",
        ),
    ]

    def _notify_customers(self):
        """Render the reminders in batch, post each in its contract's chatter.

        The customer is notified by email (queued, sent by the mail cron).
        """
        if not self:
            return
        template = self.env.ref("support_terms.mail_template_renewal_reminder")
        rendered = template._generate_template(self.ids, ("subject", "body_html"))
        subtype_id = self.env.ref("mail.mt_comment").id
        for reminder in self:
            contract = reminder.contract_id.with_context(mail_notify_force_send=False)
            values = rendered[reminder.id]
            contract.message_post(
                body=values["body_html"],
                subject=values["subject"],
                partner_ids=reminder.partner_id.ids,
                message_type="comment",
                subtype_id=subtype_id,
            )
