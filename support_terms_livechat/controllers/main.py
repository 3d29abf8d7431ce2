from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.im_livechat.controllers.main import LivechatController


class SupportTermsLivechatController(LivechatController):
    """A chat kept for the customers whose plan includes it is neither
    offered to nor opened by anybody else."""

    def _support_chat_refusal(self, channel_id):
        channel = request.env["im_livechat.channel"].browse(int(channel_id))
        if not channel.exists() or channel._support_chat_allowed(request.env.user):
            return None
        return request.env._(
            "The chat is for customers whose support plan includes it: log in "
            "to your customer area, or write to us through your plan's "
            "channels."
        )

    @http.route()
    def livechat_init(self, channel_id):
        result = super().livechat_init(channel_id)
        if self._support_chat_refusal(channel_id):
            result["available_for_me"] = False
        return result

    @http.route()
    def get_session(self, channel_id, anonymous_name, **kwargs):
        refusal = self._support_chat_refusal(channel_id)
        if refusal:
            # checked before anything is created
            raise UserError(refusal)
        return super().get_session(channel_id, anonymous_name, **kwargs)
