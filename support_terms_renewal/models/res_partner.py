from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    support_may_cancel_services = fields.Boolean(
        string="May cancel services",
        copy=False,
        tracking=True,
        groups="support_terms_base.group_support_terms_user",
        help="This contact may request the cancellation of the company's "
        "services from the portal; the company's own user always may.",
    )
