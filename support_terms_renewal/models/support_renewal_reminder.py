from collections import defaultdict
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools import email_normalize, format_date

from odoo.addons.support_terms_base.tools import MANAGER_GROUP, send_customer_mail


class SupportRenewalReminder(models.Model):
    """A reminder owed to a customer for one period of one service, sent once
    (unique key). It is the provider's evidence: marked sent only when its
    email was queued to a valid address with a valid subject, else kept as
    not delivered and the staff asked to reach the customer another way.
    """

    _name = "support.renewal.reminder"
    _description = "Renewal Reminder"
    _order = "id desc"

    contract_line_id = fields.Many2one(
        "contract.line", required=True, ondelete="cascade", index=True, readonly=True
    )
    contract_id = fields.Many2one(
        related="contract_line_id.contract_id", store=True, index=True
    )
    partner_id = fields.Many2one(related="contract_id.partner_id", string="Customer")
    company_id = fields.Many2one(
        related="contract_line_id.contract_id.company_id", store=True, index=True
    )
    kind = fields.Selection(
        [("notice", "Before the last day to cancel"), ("end", "Before the end")],
        required=True,
        readonly=True,
    )
    period_end = fields.Date(required=True, readonly=True)
    state = fields.Selection(
        [
            ("sent", "Sent"),
            ("skipped", "Skipped: date already past"),
            ("failed", "Not delivered"),
        ],
        required=True,
        default="sent",
        readonly=True,
    )
    failure_reason = fields.Char("Why not delivered", readonly=True)
    mail_id = fields.Many2one(
        "mail.mail", "Email", readonly=True, index="btree_not_null"
    )

    # plain fields for the email templates, so that Odoo renders thousands
    # of reminders with its regex renderer, without QWeb evaluation
    service_name = fields.Char(compute="_compute_texts")
    customer_name = fields.Char(related="partner_id.name")
    notice_channels_text = fields.Char(
        related="company_id.support_notice_channels_label"
    )
    period_end_text = fields.Char(compute="_compute_texts")
    notice_deadline_text = fields.Char(compute="_compute_texts")
    renewal_date_text = fields.Char(compute="_compute_texts")

    _sql_constraints = [
        (
            "line_kind_period_uniq",
            "unique(contract_line_id, kind, period_end)",
            "A reminder is sent once per service, kind and period.",
        )
    ]

    @api.depends(
        "contract_line_id.name", "contract_line_id.notice_deadline", "period_end"
    )
    @api.depends_context("lang")
    def _compute_texts(self):
        for reminder in self:
            # OCA line names are multi-line: one line, fit for an email subject
            reminder.service_name = " ".join(
                (reminder.contract_line_id.name or "").split()
            )
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
        """Email the customers and note it in the contracts' chatter, in
        batch; an email that cannot reach the customer marks its reminder
        not delivered and asks the staff to act."""
        failures = {
            reminder: self.env._(
                "%(customer)s has no valid email address.",
                customer=reminder.partner_id.display_name,
            )
            for reminder in self
            if not email_normalize(reminder.partner_id.email or "")
        }
        for kind, xmlid in self._email_templates().items():
            reminders = self.filtered(
                lambda r, kind=kind: r._email_kind() == kind and r not in failures
            )
            mails = send_customer_mail(reminders, xmlid)
            mail_by_id = mails.grouped("res_id")
            for reminder in reminders:
                mail = mail_by_id.get(reminder.id, mails.browse())
                problem = self._mail_problem(mail)
                if problem:
                    failures[reminder] = problem
                    mail.write({"state": "cancel", "failure_reason": problem})
                else:
                    reminder.mail_id = mail
        for reminder, reason in failures.items():
            reminder.write({"state": "failed", "failure_reason": reason})
        failed = self.browse([reminder.id for reminder in failures])
        failed._notify_staff()
        (self - failed)._log_on_contracts()

    @api.model
    def _email_templates(self):
        """{``_email_kind``: xmlid of its mail template}."""
        return {
            "notice": "support_terms_renewal.mail_template_renewal_reminder",
            "end": "support_terms_renewal.mail_template_renewal_reminder_end",
            "renewed": "support_terms_renewal.mail_template_renewal_reminder_renewed",
        }

    def _email_kind(self):
        """The reminder's kind, or ``renewed`` before the end of a period
        already renewed."""
        self.ensure_one()
        line = self.contract_line_id
        if self.kind == "end" and line.date_end and line.date_end > self.period_end:
            return "renewed"
        return self.kind

    def _mail_problem(self, mail):
        """Why ``mail`` cannot reach the customer, or False."""
        if not mail:
            return self.env._("The email could not be created.")
        subject = mail.subject or ""
        if not subject.strip() or "\n" in subject or "\r" in subject:
            return self.env._("The email has no valid subject.")
        addresses = mail.recipient_ids.mapped("email") + (
            mail.email_to.split(",") if mail.email_to else []
        )
        if not any(email_normalize(address or "") for address in addresses):
            return self.env._("The email has no valid recipient.")
        return False

    def _notify_staff(self):
        """An activity on each contract for its responsible, else managers."""
        managers = self.env.ref(MANAGER_GROUP).users
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id("contract.contract")
        vals_list = []
        for reminder in self:
            contract = reminder.contract_id
            users = contract.user_id or managers.filtered(
                lambda u, c=contract.company_id: c in u.company_ids and not u.share
            )
            for user in users:
                vals_list.append(
                    {
                        "res_model_id": model_id,
                        "res_id": contract.id,
                        "activity_type_id": activity_type.id,
                        "user_id": user.id,
                        "summary": self.env._(
                            "Renewal reminder not delivered: %(service)s",
                            service=reminder.service_name,
                        ),
                        "note": reminder.failure_reason,
                        "date_deadline": contract.company_id._support_today(),
                    }
                )
        self.env["mail.activity"].sudo().create(vals_list)

    def _log_on_contracts(self):
        items = defaultdict(list)
        for reminder in self:
            facts = {
                "service": reminder.contract_line_id.name,
                "end": reminder.period_end_text,
                "deadline": reminder.notice_deadline_text,
            }
            if reminder.kind == "notice":
                text = self.env._(
                    "%(service)s: ends on %(end)s, last day to cancel %(deadline)s",
                    **facts,
                )
            elif reminder._email_kind() == "renewed":
                text = self.env._("%(service)s: ends on %(end)s, renewed", **facts)
            else:
                text = self.env._("%(service)s: ends on %(end)s", **facts)
            items[reminder.contract_id].append(Markup("<li>%s</li>") % text)
        self.contract_id._message_log_batch(
            {
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
        )

    @api.model
    def _send_due(self, lines):
        """The reminders these lines owe today, emailed when the day they
        announce is still ahead."""
        vals_list = []
        remind_end = lines._reminded_before_end()
        # prefetch the reminders already sent, which each line looks at
        (lines | lines.predecessor_contract_line_id).mapped("renewal_reminder_ids")
        for line in lines:
            today = line.company_id._support_today()
            owed = line._renewal_reminders_owed(line in remind_end)
            for (kind, period_end), day in owed.items():
                if day > today:
                    continue
                target = line._reminder_target_day(kind, period_end)
                vals_list.append(
                    {
                        "contract_line_id": line.id,
                        "kind": kind,
                        "period_end": period_end,
                        "state": "sent" if target >= today else "skipped",
                    }
                )
        reminders = self.create(vals_list)
        reminders.filtered(lambda r: r.state == "sent")._notify_customers()
        return reminders
