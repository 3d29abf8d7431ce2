from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    support_auto_close_without_plan = fields.Boolean(
        string="Close requests without a plan",
        help="Requests of customers without a support plan close after the days "
        "of their team without a reply; requests with a plan follow their plan.",
    )
