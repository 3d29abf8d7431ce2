# Copyright 2026 support_terms contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Support Terms: Base",
    "summary": "Services in force, groups, menus, settings, scheduled-action runner",
    "version": "18.0.1.0.0",
    "license": "AGPL-3",
    "category": "Services/Helpdesk",
    "author": "support_terms contributors",
    "maintainers": ["support-terms"],
    "website": "https://github.com/support-terms/support_terms",
    "installable": True,
    "depends": [
        "contract",
        "mail",
        "product",
    ],
    "data": [
        "security/support_terms_base_security.xml",
        "security/ir.model.access.csv",
        "security/support_cron_failure_security.xml",
        "views/res_config_settings_views.xml",
        "views/support_terms_menus.xml",
        "views/support_cron_failure_views.xml",
        "views/contract_line_views.xml",
        "views/product_template_views.xml",
        "views/res_partner_views.xml",
    ],
    "pre_init_hook": "pre_init_hook",
    "post_init_hook": "post_init_hook",
}
