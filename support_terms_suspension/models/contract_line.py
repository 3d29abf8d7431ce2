from odoo import api, fields, models
from odoo.tools import format_list


class ContractLine(models.Model):
    _inherit = "contract.line"

    support_suspension_ids = fields.Many2many(
        comodel_name="support.service.suspension",
        relation="support_service_suspension_contract_line_rel",
        column1="contract_line_id",
        column2="suspension_id",
        string="Suspensions",
        copy=False,
        readonly=True,
    )
    support_suspension_reason = fields.Char(
        string="Suspension reason",
        compute="_compute_support_suspension_reason",
        compute_sudo=True,
    )

    @api.depends("service_state", "support_suspension_ids.state")
    def _compute_support_suspension_reason(self):
        reasons = dict(
            self.env["support.service.suspension"]
            ._fields["reason"]
            ._description_selection(self.env)
        )
        for line in self:
            active = line.support_suspension_ids.filtered(lambda s: s.state == "active")
            line.support_suspension_reason = (
                format_list(
                    self.env,
                    [reasons[r] for r in dict.fromkeys(active.mapped("reason"))],
                )
                if line.service_state == "suspended"
                else False
            )
