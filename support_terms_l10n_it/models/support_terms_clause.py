from odoo import fields, models

CLAUSE_RULES = [
    ("renewal", "Tacit renewal"),
    ("suspension", "Suspension of a late payer"),
    ("no_refund", "No refund"),
]


class SupportTermsClause(models.Model):
    """A numbered clause of a company's terms; an onerous one (Codice civile
    art. 1341, comma 2) binds the customer only when specifically approved
    in writing."""

    _name = "support.terms.clause"
    _description = "Clause of the Terms"
    _order = "company_id, sequence, id"

    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    sequence = fields.Integer(string="No.", required=True, default=1)
    key = fields.Char(
        readonly=True, help="The clause of the terms template it comes from."
    )
    name = fields.Char(string="Title", required=True, translate=True)
    text = fields.Text(required=True, translate=True)
    specific_approval = fields.Boolean(
        string="Needs specific approval",
        help="An onerous clause (Codice civile art. 1341, comma 2: limits of "
        "liability, the provider's right to withdraw or suspend, forfeitures, "
        "tacit renewal...): it binds the customer only when specifically "
        "approved in writing.",
    )
    rule = fields.Selection(
        selection=CLAUSE_RULES,
        string="Grounds the rule",
        help="The automatic rule this clause grounds: when it acts on a "
        "customer who did not approve the clause, staff are warned.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "company_key_uniq",
            "unique(company_id, key)",
            "A clause of a terms template is in a company once.",
        ),
    ]

    def _label(self):
        """ "3. Tacit renewal": as the customer reads and approves it."""
        return ", ".join(f"{clause.sequence}. {clause.name}" for clause in self)
