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
