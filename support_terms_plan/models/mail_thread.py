from odoo import _, api, models
from odoo.exceptions import AccessError

# RFC 3834 and the usual vacation responders' headers: a message sent by a
# machine in answer to another, never a reply of its own
AUTO_PRECEDENCE = ("auto_reply", "bulk", "junk")


def is_auto_reply(message):
    """Whether an incoming ``email.message.Message`` is an automatic reply."""
    submitted = (message.get("Auto-Submitted") or "").strip().lower()
    if submitted and submitted != "no":
        return True
    if message.get("X-Autoreply") or message.get("X-Autorespond"):
        return True
    return (message.get("Precedence") or "").strip().lower() in AUTO_PRECEDENCE


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    @api.model
    def message_process(
        self,
        model,
        message,
        custom_values=None,
        save_original=False,
        strip_attachments=False,
        thread_id=None,
    ):
        # the mail gateway delivers as superuser (the incoming mail server)
        # or as an administrator (the mailgate script); anyone else calling it
        # would write in a request as any sender
        if not self.env.su and not self.env.user._is_admin():
            raise AccessError(_("Only the mail gateway delivers incoming emails."))
        return super().message_process(
            model,
            message,
            custom_values=custom_values,
            save_original=save_original,
            strip_attachments=strip_attachments,
            thread_id=thread_id,
        )

    def _message_route_process(self, message, message_dict, routes):
        # what arrives here came by email: a rule that would refuse a request
        # saved by staff answers the email instead
        thread = self.with_context(support_mail_gateway=True)
        if is_auto_reply(message):
            # logged where it goes, acting on nothing (see _support_from_customer)
            thread = thread.with_context(support_auto_reply=True)
        return super(MailThread, thread)._message_route_process(
            message, message_dict, routes
        )
