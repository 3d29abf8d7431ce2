from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    support_terms_template = fields.Selection(
        related="company_id.support_terms_template",
    )

    support_urgency_keywords = fields.Char(
        related="company_id.support_urgency_keywords", readonly=False
    )

    support_overdue_suspension = fields.Boolean(
        related="company_id.support_overdue_suspension", readonly=False
    )
    support_auto_close_without_plan = fields.Boolean(
        related="company_id.support_auto_close_without_plan", readonly=False
    )
    support_overdue_grace_days = fields.Integer(
        related="company_id.support_overdue_grace_days", readonly=False
    )
    support_suspension_email = fields.Boolean(
        related="company_id.support_suspension_email", readonly=False
    )
    support_reactivation_fee_product_id = fields.Many2one(
        related="company_id.support_reactivation_fee_product_id", readonly=False
    )
    support_reactivation_fee_state = fields.Selection(
        related="company_id.support_reactivation_fee_state", readonly=False
    )
    support_late_payment_months = fields.Integer(
        related="company_id.support_late_payment_months", readonly=False
    )
    support_do_not_renew_threshold = fields.Integer(
        related="company_id.support_do_not_renew_threshold", readonly=False
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
    support_notice_judged_on = fields.Selection(
        related="company_id.support_notice_judged_on", readonly=False
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
