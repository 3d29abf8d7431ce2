# Copyright 2026 support_terms contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Support Terms: Urgencies and SLAs",
    "summary": "Urgent requests, take-in-charge targets in each plan's hours",
    "version": "18.0.1.0.0",
    "license": "AGPL-3",
    "category": "Services/Helpdesk",
    "author": "support_terms contributors",
    "maintainers": ["support-terms"],
    "website": "https://github.com/support-terms/support_terms",
    "installable": True,
    "depends": [
        "support_terms_plan",
        "helpdesk_mgmt_sla",
        "resource",
    ],
    "external_dependencies": {"python": ["holidays"]},
    "data": [
        "security/support_terms_sla_security.xml",
        "security/ir.model.access.csv",
        "data/mail_template_data.xml",
        "data/helpdesk_ticket_stage_data.xml",
        "data/ir_cron_data.xml",
        "views/support_plan_views.xml",
        "views/helpdesk_sla_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/helpdesk_ticket_team_views.xml",
        "views/res_config_settings_views.xml",
        "wizards/support_take_in_charge_wizard_views.xml",
        "wizards/support_public_holidays_wizard_views.xml",
    ],
    "pre_init_hook": "pre_init_hook",
}
