# Copyright 2026 support_terms contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Support Terms: Coverage, Credits and Charges",
    "summary": "What each plan covers; extras paid by credits, quotes or fixed fees",
    "version": "18.0.1.1.0",
    "license": "AGPL-3",
    "category": "Services/Helpdesk",
    "author": "support_terms contributors",
    "maintainers": ["support-terms"],
    "website": "https://github.com/support-terms/support_terms",
    "installable": True,
    "depends": [
        "support_terms_plan",
        "sale",
    ],
    "data": [
        "security/support_terms_coverage_security.xml",
        "security/ir.model.access.csv",
        "data/helpdesk_ticket_category_data.xml",
        "data/mail_template_coverage_data.xml",
        "data/ir_cron_credit_charge_data.xml",
        "views/support_plan_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/product_template_views.xml",
        "views/res_config_settings_views.xml",
        "views/support_credit_move_views.xml",
        "views/support_ticket_charge_views.xml",
        "wizards/support_credit_charge_wizard_views.xml",
        "views/support_terms_coverage_menus.xml",
    ],
    "pre_init_hook": "pre_init_hook",
    "post_init_hook": "post_init_hook",
}
