from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    support_service_line_ids = fields.Many2many(
        comodel_name="contract.line",
        string="Services",
        compute="_compute_support_service_line_ids",
        compute_sudo=True,
        help="The customer's services in force or still to come in the current "
        "company.",
    )

    @api.depends_context("company")
    def _compute_support_service_line_ids(self):
        today = self.env.company._support_today()
        Line = self.env["contract.line"]
        lines = Line.search(
            [
                (
                    "contract_id.commercial_partner_id",
                    "in",
                    self.commercial_partner_id.ids,
                ),
                ("company_id", "=", self.env.company.id),
                *Line._support_in_force_domain(today, include_future=True),
            ]
        )
        for partner in self:
            partner.support_service_line_ids = lines.filtered(
                lambda line, p=partner: line.contract_id.commercial_partner_id
                == p.commercial_partner_id
            )
