# Copyright 2026 support_terms contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Support Terms: Tacit Renewal and Notices",
    "summary": "Tacit renewal with notice, reminders, cancellation notices, refunds",
    "version": "18.0.1.1.0",
    "license": "AGPL-3",
    "category": "Services/Helpdesk",
    "author": "support_terms contributors",
    "maintainers": ["support-terms"],
    "website": "https://github.com/support-terms/support_terms",
    "installable": True,
    "depends": [
        "support_terms_base",
        "contract_line_successor",
        "sale",
    ],
    "data": [
        "security/support_terms_renewal_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/mail_template_renewal_data.xml",
        "views/support_cancellation_notice_views.xml",
        "views/support_renewal_offer_views.xml",
        "views/contract_line_views.xml",
        "views/product_template_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/support_terms_renewal_menus.xml",
        "report/support_renewal_report_views.xml",
    ],
    "pre_init_hook": "pre_init_hook",
    "post_init_hook": "post_init_hook",
}
