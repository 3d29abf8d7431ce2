from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    support_terms_template = fields.Selection(
        related="company_id.support_terms_template",
    )

    support_urgency_keywords = fields.Char(
        related="company_id.support_urgency_keywords", readonly=False
    )

    support_renewal_reminder_days = fields.Integer(
        related="company_id.support_renewal_reminder_days", readonly=False
    )
    support_notice_registered_mail = fields.Boolean(
        related="company_id.support_notice_registered_mail", readonly=False
    )
    support_notice_pec = fields.Boolean(
        related="company_id.support_notice_pec", readonly=False
    )
    support_notice_portal = fields.Boolean(
        related="company_id.support_notice_portal", readonly=False
    )
    support_notice_email = fields.Boolean(
        related="company_id.support_notice_email", readonly=False
    )

    def action_open_terms_template_wizard(self):
        return self.env["ir.actions.act_window"]._for_xml_id(
            "support_terms.support_terms_template_apply_action"
        )

    support_credit_grant_on = fields.Selection(
        related="company_id.support_credit_grant_on", readonly=False
    )
    support_credit_allow_overdraft = fields.Boolean(
        related="company_id.support_credit_allow_overdraft", readonly=False
    )
    support_credit_overdraft_product_id = fields.Many2one(
        related="company_id.support_credit_overdraft_product_id", readonly=False
    )
    support_channel_fee_product_id = fields.Many2one(
        related="company_id.support_channel_fee_product_id", readonly=False
    )
