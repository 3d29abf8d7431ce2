from odoo import fields, models


class ImLivechatChannel(models.Model):
    _inherit = "im_livechat.channel"

    support_plan_chat_only = fields.Boolean(
        string="Only customers whose plan includes chat",
        help="The chat button is offered only to customers logged in to the "
        "portal whose support plan includes chat; visitors and customers of "
        "other plans are told to use their plan's channels.",
    )

    def _support_chat_allowed(self, user):
        self.ensure_one()
        if not self.support_plan_chat_only:
            return True
        plan = not user._is_public() and user.partner_id.support_plan_id
        return bool(plan and plan._support_allows_chat())

    def get_livechat_info(self, username=None):
        info = super().get_livechat_info(username=username)
        if not self._support_chat_allowed(self.env.user):
            info["available"] = False
        return info
