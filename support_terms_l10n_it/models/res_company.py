from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    # off until the company turns it on: installing the addon changes no
    # customer's services, notices or emails
    support_it_law = fields.Boolean(
        string="Apply Italian consumer law",
        help="Consumers get the renewal notice of the Consumer Code (art. "
        "65-bis) and may withdraw within 14 days of a purchase at a distance "
        "(art. 52-54); a cancellation by PEC is valid wherever one by "
        "registered mail is (CAD art. 48).",
    )

    support_terms_version = fields.Char(
        string="Version of the terms",
        help="The version customers accept now; a new version asks them to "
        "accept again.",
    )
    support_terms_clause_ids = fields.One2many(
        "support.terms.clause", "company_id", string="Clauses of the terms"
    )

    def _support_terms_html(self):
        """The terms as the customer reads them: numbered clauses."""
        self.ensure_one()
        return Markup("").join(
            Markup("<p><strong>%s. %s</strong><br/>%s</p>")
            % (clause.sequence, clause.name, clause.text)
            for clause in self.support_terms_clause_ids.sorted("sequence")
        )

    @api.constrains("support_it_law", "support_renewal_reminders")
    def _check_support_it_law(self):
        for company in self:
            if company.support_it_law and not company.support_renewal_reminders:
                raise ValidationError(
                    self.env._(
                        "%(company)s: the Italian consumer law needs the renewal "
                        "reminders on, since the consumers' renewal notice is "
                        "one of them.",
                        company=company.name,
                    )
                )

    @api.depends("support_it_law")
    def _compute_support_notice_channels_label(self):
        return super()._compute_support_notice_channels_label()

    def _support_notice_channels(self):
        channels = super()._support_notice_channels()
        if self._support_pec_as_registered_mail() and "pec" not in channels:
            channels.insert(channels.index("registered_mail") + 1, "pec")
        return channels

    def _support_pec_as_registered_mail(self):
        """A PEC has the legal value of a registered letter with return
        receipt (CAD art. 48): where the terms accept the letter, they accept
        the PEC."""
        self.ensure_one()
        return self.support_it_law and self.support_notice_registered_mail

    def _support_notice_pec_address(self):
        # the company's own PEC, as its e-invoicing data has it, unless the
        # notices have a mailbox of their own
        return (
            super()._support_notice_pec_address() or self.partner_id.l10n_it_pec_email
        )
