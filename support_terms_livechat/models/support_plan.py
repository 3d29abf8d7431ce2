from odoo import models


class SupportPlan(models.Model):
    _inherit = "support.plan"

    def _support_allows_chat(self):
        """Whether the plan's customers may chat: one of its channels is a
        chat (a plan naming no channel receives requests on any)."""
        self.ensure_one()
        # customers may not read the helpdesk's channels: which kinds their
        # plan allows is ours to say
        channels = self.sudo().channel_ids
        return not channels or "chat" in channels.mapped("support_kind")

    def _support_chat_channel(self):
        """The channel of the plan's requests from a chat."""
        self.ensure_one()
        own = self.channel_ids.filtered(lambda c: c.support_kind == "chat")
        return own[:1] or self.env.ref(
            "support_terms_livechat.helpdesk_ticket_channel_chat"
        )
