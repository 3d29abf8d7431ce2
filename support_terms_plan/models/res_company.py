from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    support_team_id = fields.Many2one(
        "helpdesk.ticket.team",
        string="Support team",
        check_company=True,
        help="The team of the requests whose plan names no team, or of the "
        "customers without a plan, whatever way they arrive (email, portal, "
        "staff).",
    )
    support_duplicate_days = fields.Integer(
        string="Duplicates within (days)",
        help="A new request with a subject like one of the customer's open "
        "requests received in these last days is shown as a probable "
        "duplicate, to staff and to the customer in the portal. 0: never "
        "(until the company sets it).",
    )
