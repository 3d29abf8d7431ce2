from odoo import models


class MailMail(models.Model):
    _inherit = "mail.mail"

    def write(self, vals):
        result = super().write(vals)
        if vals.get("state") == "exception":
            self._support_consumer_notice_failed()
        return result

    def _support_consumer_notice_failed(self):
        """A consumer's renewal notice that could not be sent was not given."""
        # the mail queue runs as any user: the reminders are the provider's
        notices = (
            self.env["support.renewal.reminder"]
            .sudo()
            .search(
                [
                    ("mail_id", "in", self.ids),
                    ("kind", "=", "consumer_notice"),
                    ("state", "=", "sent"),
                ]
            )
        )
        for notice in notices:
            notice.write(
                {
                    "state": "failed",
                    "failure_reason": notice.mail_id.failure_reason
                    or self.env._("The email could not be sent."),
                }
            )
        notices._notify_staff()
        notices._support_not_delivered()
