# Copyright 2026 support_terms contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Support Terms: Web Design Projects",
    "summary": "Web design projects: deposit at signing, balance at delivery "
    "or at the latest 180 days after signing",
    "version": "18.0.1.0.0",
    "license": "AGPL-3",
    "category": "Services/Helpdesk",
    "author": "support_terms contributors",
    "maintainers": ["support-terms"],
    "website": "https://github.com/support-terms/support_terms",
    "installable": True,
    "depends": [
        "support_terms_base",
        "account",
        "portal",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/support_web_project_security.xml",
        "data/mail_template_data.xml",
        "data/ir_cron_data.xml",
        "views/support_web_project_views.xml",
        "views/contract_line_views.xml",
        "views/portal_templates.xml",
    ],
}
