# Copyright 2026 support_terms contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Support Terms: Live Chat",
    "summary": "Chat with the customers whose plan includes it; a chat becomes "
    "a request with one action",
    "version": "18.0.1.0.0",
    "license": "AGPL-3",
    "category": "Services/Helpdesk",
    "author": "support_terms contributors",
    "maintainers": ["support-terms"],
    "website": "https://github.com/support-terms/support_terms",
    "installable": True,
    "depends": [
        # the plan's channels, and its targets counted from the chat's start
        "support_terms_sla",
        "im_livechat",
    ],
    "data": [
        "data/helpdesk_ticket_channel_data.xml",
        "views/discuss_channel_views.xml",
        "views/im_livechat_channel_views.xml",
        "views/helpdesk_ticket_views.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "support_terms_livechat/static/src/channel_commands.js",
        ],
    },
}
