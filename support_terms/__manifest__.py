# Copyright 2026 support_terms contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Support Terms",
    "summary": "Enforce the support and service terms of Italian hosting providers "
    "and web agencies: plans, urgencies, coverage, auto-close, renewals, "
    "late payments",
    "version": "18.0.2.0.0",
    "license": "AGPL-3",
    "category": "Services/Helpdesk",
    "author": "support_terms contributors",
    "maintainers": ["support-terms"],
    "website": "https://github.com/support-terms/support_terms",
    "application": True,
    "installable": True,
    "depends": [
        "portal",
        "support_terms_auto_close",
        "support_terms_coverage",
        "support_terms_plan",
        "support_terms_renewal",
        "support_terms_sla",
        "support_terms_suspension",
        "support_terms_web_design",
    ],
    "data": [
        "security/ir.model.access.csv",
        "views/support_plan_views.xml",
        "wizards/support_terms_template_apply_views.xml",
        "views/res_config_settings_views.xml",
        "views/support_terms_menus.xml",
        "views/portal_templates.xml",
        "views/portal_support_templates.xml",
        "views/portal_service_templates.xml",
        "views/portal_service_suspension_templates.xml",
        "views/portal_home_templates.xml",
    ],
    "assets": {
        "web.assets_frontend": [
            "support_terms/static/src/js/portal_request_kind.esm.js",
        ],
        "web.assets_tests": [
            "support_terms/static/tests/tours/**/*",
        ],
    },
    "demo": [
        "demo/support_terms_demo.xml",
    ],
}
