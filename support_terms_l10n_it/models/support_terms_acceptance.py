from odoo import api, fields, models
from odoo.exceptions import UserError

ACCEPTANCE_CHANNELS = [
    ("portal", "Customer portal"),
    ("paper", "Signed paper"),
    ("pec", "PEC"),
]


class SupportTermsAcceptance(models.Model):
    """A customer's acceptance of a version of the terms, and its specific
    approval in writing of the onerous clauses (Codice civile art. 1341-1342):
    the evidence, never changed once recorded."""

    _name = "support.terms.acceptance"
    _description = "Acceptance of the Terms"
    _order = "accepted_at desc, id desc"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        domain="[('parent_id', '=', False)]",
    )
    terms_version = fields.Char(
        required=True, default=lambda self: self.env.company.support_terms_version
    )
    accepted_at = fields.Datetime(
        string="Accepted at", required=True, default=fields.Datetime.now
    )
    channel = fields.Selection(
        selection=ACCEPTANCE_CHANNELS, required=True, default="paper"
    )
    source_address = fields.Char(
        string="From",
        help="The IP address of the portal request, or the PEC address the "
        "signed terms came from.",
    )
    signed_by = fields.Char(required=True)
    approved_clause_ids = fields.Many2many(
        "support.terms.clause",
        string="Clauses specifically approved",
        check_company=True,
        domain="[('company_id', '=', company_id), ('specific_approval', '=', True)]",
    )
    approved_clauses_text = fields.Text(
        string="Approved as read",
        readonly=True,
        help="The numbers and titles of the clauses approved, as the customer "
        "read them.",
    )
    terms_text = fields.Html(string="Text shown", readonly=True)
    attachment_ids = fields.Many2many(
        "ir.attachment",
        string="Scan",
        help="The signed paper, or the PEC that carried it.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Recorded by",
        readonly=True,
        default=lambda self: self.env.user,
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("partner_id"):
                partner = self.env["res.partner"].browse(vals["partner_id"])
                vals["partner_id"] = partner.commercial_partner_id.id
        acceptances = super().create(vals_list)
        for acceptance in acceptances:
            clauses = acceptance.approved_clause_ids.sorted("sequence")
            # written once, past the refusal of any change
            super(SupportTermsAcceptance, acceptance).write(
                {
                    "approved_clauses_text": clauses._label() or False,
                    "terms_text": acceptance.terms_text
                    or acceptance.company_id._support_terms_html(),
                }
            )
        return acceptances

    def write(self, vals):
        if set(vals) - {"attachment_ids"}:
            raise UserError(
                self.env._(
                    "An acceptance of the terms is evidence: it cannot change. "
                    "Record a new one."
                )
            )
        return super().write(vals)
