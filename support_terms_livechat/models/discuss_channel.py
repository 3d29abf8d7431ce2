from textwrap import shorten

from markupsafe import Markup

from odoo import _, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_datetime, html2plaintext

STAFF_GROUP = "helpdesk_mgmt.group_helpdesk_user"


class DiscussChannel(models.Model):
    _inherit = "discuss.channel"

    support_ticket_ids = fields.One2many(
        "helpdesk.ticket", "support_chat_id", string="Requests", groups=STAFF_GROUP
    )

    def action_support_create_ticket(self):
        """Turn a live chat into the request of a customer whose plan includes
        chat: the transcript as its description, the targets counted from the
        start of the chat."""
        ticket = self._support_create_ticket()
        return {
            "type": "ir.actions.act_window",
            "res_model": "helpdesk.ticket",
            "res_id": ticket.id,
            "view_mode": "form",
        }

    def execute_command_support_ticket(self, **kwargs):
        """``/ticket`` in a live chat: the operator reads what happened."""
        try:
            ticket = self._support_create_ticket()
        except (AccessError, UserError) as error:
            message = error.args[0]
        else:
            message = _("Request %(ticket)s created.", ticket=ticket.display_name)
        self.env.user._bus_send_transient_message(self, message)

    def _support_create_ticket(self):
        self.ensure_one()
        # support staff, who may create requests, turn a chat into one
        self.env["helpdesk.ticket"].check_access("create")
        if self.channel_type != "livechat":
            raise UserError(_("Only a live chat becomes a request."))
        # the staff member must be able to read the chat itself
        self.check_access("read")
        # sudo: the chat's members and messages, read for support staff
        chat = self.sudo()
        if chat.support_ticket_ids:
            raise UserError(
                _(
                    "This chat is already the request %(ticket)s.",
                    ticket=chat.support_ticket_ids[:1].display_name,
                )
            )
        # the customer: the chat's member logged in to the portal
        customer = (
            chat.channel_member_ids.partner_id - chat.livechat_operator_id
        ).filtered(lambda p: p.user_ids and all(p.user_ids.mapped("share")))[:1]
        if not customer:
            raise UserError(
                _(
                    "The visitor is not logged in to the customer area: ask them "
                    "to log in and chat again, or to write through their plan's "
                    "channels, so that the request is theirs."
                )
            )
        company = self.env.company
        start = chat.create_date
        plan = customer._support_plan_at(company, company._support_date_of(start)).get(
            customer.commercial_partner_id.id
        )
        if not plan or not plan._support_allows_chat():
            raise UserError(
                _(
                    "%(customer)s has no support plan that includes chat: the "
                    "chat cannot become a request.",
                    customer=customer.display_name,
                )
            )
        # the plan's own chat channel, else the one this addon provides
        default = self.env.ref("support_terms_livechat.helpdesk_ticket_channel_chat")
        channel = plan.channel_ids.filtered(lambda c: c.support_kind == "chat")[:1]
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": chat._support_chat_subject(customer),
                "description": chat._support_chat_transcript(),
                "partner_id": customer.id,
                "channel_id": (channel or default).id,
                "company_id": company.id,
            }
        )
        ticket._support_record({"support_chat_id": chat.id})
        ticket._support_arrived(start)
        return ticket

    def _support_chat_messages(self):
        return self.message_ids.filtered(
            lambda m: m.message_type == "comment" and m.body
        ).sorted("id")

    def _support_chat_subject(self, customer):
        first = self._support_chat_messages().filtered(
            lambda m: m.author_id == customer
        )[:1]
        text = first and html2plaintext(first.body).strip()
        if text:
            return shorten(text, 80, placeholder="…")
        return _("Chat with %(customer)s", customer=customer.display_name)

    def _support_chat_transcript(self):
        tz = self.env.user.tz or self.env.company.partner_id.tz or "Europe/Rome"
        return Markup("").join(
            Markup("<p><strong>%s</strong> (%s)</p>%s")
            % (
                message.author_id.display_name or message.author_guest_id.name or "",
                format_datetime(self.env, message.date, tz=tz, dt_format="short"),
                message.body,
            )
            for message in self._support_chat_messages()
        )
