from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    support_team_id = fields.Many2one(
        comodel_name="helpdesk.ticket.team",
        string="Support team",
        check_company=True,
        help="The team of the requests whose plan names no team, or of the "
        "customers without a plan, whatever way they arrive (email, portal, "
        "staff).",
    )
