from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    support_service_line_ids = fields.Many2many(
        "contract.line",
        string="Services",
        compute="_compute_support_service_line_ids",
        compute_sudo=True,
        help="The customer's services in force or still to come in the current "
        "company.",
    )
    support_service_count = fields.Integer(
        string="Services in force",
        compute="_compute_support_service_line_ids",
        compute_sudo=True,
    )

    @api.depends_context("company")
    def _compute_support_service_line_ids(self):
        company = self.env.company
        Line = self.env["contract.line"]
        customers = self.commercial_partner_id
        today = company._support_today()
        lines = Line.search(
            [
                ("contract_id.commercial_partner_id", "in", customers.ids),
                ("company_id", "=", company.id),
                *Line._support_in_force_domain(today, include_future=True),
            ]
        )
        by_customer = lines.grouped(lambda line: line.contract_id.commercial_partner_id)
        for partner in self:
            services = by_customer.get(partner.commercial_partner_id, Line)
            partner.support_service_line_ids = services
            partner.support_service_count = len(services)

    def action_view_support_services(self):
        # every state: the list's filter keeps those in force or to come
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "support_terms_base.support_service_action"
        )
        action["domain"] = [
            ("contract_id.contract_type", "=", "sale"),
            ("display_type", "=", False),
            ("contract_id.commercial_partner_id", "=", self.commercial_partner_id.id),
        ]
        return action
