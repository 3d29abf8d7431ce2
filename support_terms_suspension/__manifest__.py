# Copyright 2026 support_terms contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Support Terms: Suspension for Late Payment",
    "summary": "Suspension for late payment, reactivation fee, repeat late payers",
    "version": "18.0.1.2.0",
    "license": "AGPL-3",
    "category": "Services/Helpdesk",
    "author": "support_terms contributors",
    "maintainers": ["support-terms"],
    "website": "https://github.com/support-terms/support_terms",
    "installable": True,
    "depends": [
        "support_terms_base",
        "account",
    ],
    "data": [
        "security/support_terms_suspension_security.xml",
        "security/ir.model.access.csv",
        "data/support_service_suspension_data.xml",
        "views/support_service_suspension_views.xml",
        "views/contract_line_views.xml",
        "views/product_template_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/support_terms_suspension_menus.xml",
        "report/support_service_suspension_report_views.xml",
    ],
    "pre_init_hook": "pre_init_hook",
    "post_init_hook": "post_init_hook",
}
