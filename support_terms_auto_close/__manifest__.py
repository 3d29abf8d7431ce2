# Copyright 2026 support_terms contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Support Terms: Closing Without Reply",
    "summary": "Requests left without the customer's reply are warned, then closed",
    "version": "18.0.1.0.0",
    "license": "AGPL-3",
    "category": "Services/Helpdesk",
    "author": "support_terms contributors",
    "maintainers": ["support-terms"],
    "website": "https://github.com/support-terms/support_terms",
    "installable": True,
    "depends": [
        "support_terms_plan",
    ],
    "data": [
        "data/mail_template_data.xml",
        "data/helpdesk_ticket_stage_data.xml",
        "data/ir_cron_data.xml",
        "views/helpdesk_ticket_stage_views.xml",
        "views/helpdesk_ticket_team_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/support_plan_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "pre_init_hook": "pre_init_hook",
    "post_init_hook": "post_init_hook",
}
