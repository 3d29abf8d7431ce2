# Copyright 2026 support_terms contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Support Terms",
    "summary": "Enforce the support and service terms of Italian hosting providers "
    "and web agencies: plans, urgencies, coverage, auto-close, renewals, "
    "late payments",
    "version": "18.0.1.0.0",
    "license": "AGPL-3",
    "category": "Services/Helpdesk",
    "author": "support_terms contributors",
    "website": "https://github.com/support-terms/support_terms",
    "application": True,
    "installable": True,
    "depends": [
        "account",
        "contract_line_successor",
        "helpdesk_mgmt",
        "helpdesk_mgmt_sla",
        "mail",
        "portal",
        "product",
        "resource",
    ],
    "external_dependencies": {"python": ["holidays"]},
    "data": [
        "security/support_terms_security.xml",
        "security/ir.model.access.csv",
        "data/helpdesk_ticket_channel_data.xml",
        "data/mail_template_data.xml",
        "data/helpdesk_ticket_stage_data.xml",
        "data/ir_cron_data.xml",
        "data/support_service_suspension_data.xml",
        "views/support_plan_views.xml",
        "views/helpdesk_ticket_channel_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/helpdesk_ticket_stage_views.xml",
        "views/helpdesk_ticket_team_views.xml",
        "views/helpdesk_sla_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/support_service_suspension_views.xml",
        "views/contract_line_views.xml",
        "wizards/support_terms_template_apply_views.xml",
        "wizards/support_take_in_charge_wizard_views.xml",
        "wizards/support_public_holidays_wizard_views.xml",
        "views/support_terms_menus.xml",
        "views/portal_templates.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "support_terms/static/tests/tours/**/*",
        ],
    },
    "demo": [
        "demo/support_terms_demo.xml",
    ],
}
