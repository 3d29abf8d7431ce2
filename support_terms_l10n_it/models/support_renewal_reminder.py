from odoo import api, fields, models
from odoo.tools import format_date


class SupportRenewalReminder(models.Model):
    """The consumers' renewal notice (Consumer Code art. 65-bis) is one more
    kind of reminder; its email, address and moment are kept on it as the
    provider's evidence, and a notice not delivered in time gives the
    consumer a free withdrawal."""

    _inherit = "support.renewal.reminder"

    kind = fields.Selection(
        selection_add=[("consumer_notice", "Consumer notice (art. 65-bis)")],
        ondelete={"consumer_notice": "cascade"},
    )
    sent_at = fields.Datetime(
        string="Emailed at",
        readonly=True,
        copy=False,
        help="When the reminder was emailed (queued for sending).",
    )
    sent_to = fields.Char(string="Emailed to", readonly=True, copy=False)
    sent_body = fields.Html(
        string="Text sent", readonly=True, copy=False, sanitize=False
    )

    # the acceptances are the support staff's: the notice cites them to the
    # customer whoever sends it
    terms_approval_text = fields.Char(
        compute="_compute_terms_approval_text",
        compute_sudo=True,
        help="The clause of tacit renewal the customer specifically approved, "
        "and in which version of the terms, cited by the consumers' notice.",
    )

    @api.depends("partner_id", "company_id")
    @api.depends_context("lang")
    def _compute_terms_approval_text(self):
        for reminder in self:
            company = reminder.company_id
            customer = reminder.partner_id.commercial_partner_id
            approved = customer.support_terms_acceptance_ids.filtered(
                lambda a, c=company: a.company_id == c
                and a.terms_version == c.support_terms_version
                and "renewal" in a.approved_clause_ids.mapped("rule")
            )[:1]
            if not approved:
                reminder.terms_approval_text = False
                continue
            reminder.terms_approval_text = self.env._(
                "You specifically approved clause %(clauses)s of our terms "
                "(version %(version)s) on %(day)s.",
                clauses=approved.approved_clause_ids.filtered(
                    lambda cl: cl.rule == "renewal"
                )._label(),
                version=approved.terms_version,
                day=format_date(
                    self.env, company._support_date_of(approved.accepted_at)
                ),
            )

    def mail_allowed_qweb_expressions(self):
        return super().mail_allowed_qweb_expressions() + ("object.terms_approval_text",)

    @api.model_create_multi
    def create(self, vals_list):
        now = fields.Datetime.now()
        return super().create([dict({"sent_at": now}, **vals) for vals in vals_list])

    @api.model
    def _email_templates(self):
        return dict(
            super()._email_templates(),
            consumer_notice="support_terms_l10n_it.mail_template_consumer_notice",
        )

    def _notify_customers(self):
        res = super()._notify_customers()
        for reminder in self.filtered(
            lambda r: r.kind == "consumer_notice" and r.state == "sent" and r.mail_id
        ):
            mail = reminder.mail_id
            to = filter(None, [*mail.recipient_ids.mapped("email"), mail.email_to])
            reminder.write({"sent_to": ", ".join(to), "sent_body": mail.body_html})
        return res

    @api.model
    def _send_due(self, lines):
        reminders = super()._send_due(lines)
        reminders.filtered(
            lambda r: r.kind == "consumer_notice" and r.state != "sent"
        )._support_not_delivered()
        return reminders

    def _support_not_delivered(self):
        """These consumer notices did not reach the consumer in time."""
        for reminder in self:
            reminder.contract_line_id._support_grant_free_withdrawal(
                reminder.period_end
            )
