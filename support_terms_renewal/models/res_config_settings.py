from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    support_renewal_reminders = fields.Boolean(
        related="company_id.support_renewal_reminders", readonly=False
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
    support_notice_pec_email = fields.Char(
        related="company_id.support_notice_pec_email", readonly=False
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
