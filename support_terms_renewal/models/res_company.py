from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    # off until the company turns it on (Settings, or a terms template whose
    # terms promise it): installing the addon emails no customer
    support_renewal_reminders = fields.Boolean("Remind customers of renewals")
    support_renewal_reminder_days = fields.Integer(
        "Renewal reminder (days)", default=30
    )
    support_notice_registered_mail = fields.Boolean(
        "Cancellation by registered mail", default=True
    )
    support_notice_pec = fields.Boolean("Cancellation by PEC", default=True)
    support_notice_pec_email = fields.Char(
        "PEC for cancellation notices",
        help="The certified email address (PEC) customers send their "
        "cancellation notices to; the portal's cancellation page and the "
        "notice it prepares show it.",
    )
    support_notice_portal = fields.Boolean(
        "Cancellation from the portal",
        help="A cancellation requested in the customer portal is valid by "
        "itself; otherwise the portal tells the customer how to send it.",
    )
    support_notice_email = fields.Boolean("Cancellation by email")
    support_notice_judged_on = fields.Selection(
        [("sent", "The day it was sent"), ("received", "The day it was received")],
        "Notice deadline judged on",
        default="sent",
        required=True,
        help="Sent: a cancellation posted (postmark, PEC acceptance, portal "
        "request) by the last day to cancel is on time, whenever it arrives, "
        "as terms saying it must be sent by then mean. Received: it must "
        "reach you by that day.",
    )
    support_notice_channels_label = fields.Char(
        "Valid cancellation channels", compute="_compute_support_notice_channels_label"
    )

    @api.depends(
        "support_notice_registered_mail",
        "support_notice_pec",
        "support_notice_portal",
        "support_notice_email",
    )
    @api.depends_context("lang")
    def _compute_support_notice_channels_label(self):
        notice_model = self.env["support.cancellation.notice"]
        labels = dict(notice_model._fields["channel"]._description_selection(self.env))
        for company in self:
            company.support_notice_channels_label = _(" or ").join(
                labels[channel] for channel in company._support_notice_channels()
            )

    def _support_notice_channels(self):
        """The channels by which this company accepts a cancellation."""
        self.ensure_one()
        return [
            channel
            for channel in ("registered_mail", "pec", "portal", "email")
            if self[f"support_notice_{channel}"]
        ]

    def _support_notice_pec_address(self):
        self.ensure_one()
        return self.support_notice_pec_email

    @api.constrains("support_renewal_reminder_days")
    def _check_support_renewal_reminder_days(self):
        for company in self:
            if company.support_renewal_reminder_days < 0:
                raise ValidationError(
                    _("The renewal reminder days cannot be negative.")
                )
