# Copyright 2026 support_terms contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Support Terms: Italian Law",
    "summary": "Consumers' rights over the terms: art. 65-bis renewal notice, "
    "14-day withdrawal, specific approval of onerous clauses, PEC",
    "version": "18.0.1.0.0",
    "license": "AGPL-3",
    "category": "Services/Helpdesk",
    "author": "support_terms contributors",
    "maintainers": ["support-terms"],
    "website": "https://github.com/support-terms/support_terms",
    "installable": True,
    "depends": [
        "l10n_it",
        "l10n_it_edi",
        "support_terms",
        "support_terms_plan",
        "support_terms_renewal",
        "support_terms_suspension",
    ],
    # installed by itself where both the application and Italy's
    # localization are, as Odoo's own glue addons
    "auto_install": ["support_terms", "l10n_it"],
    "data": [
        "security/support_terms_l10n_it_security.xml",
        "security/ir.model.access.csv",
        "data/mail_template_data.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/contract_views.xml",
        "views/support_cancellation_notice_views.xml",
        "views/portal_service_templates.xml",
        "views/support_terms_clause_views.xml",
        "views/support_terms_acceptance_views.xml",
        "views/portal_terms_templates.xml",
    ],
}
