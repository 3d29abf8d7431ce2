from odoo import api, fields, models
from odoo.tools import format_list

from ..rules.late_payment import UNPAID_STATES


class ContractLine(models.Model):
    _inherit = "contract.line"

    support_suspension_ids = fields.Many2many(
        "support.service.suspension",
        "support_service_suspension_contract_line_rel",
        "contract_line_id",
        "suspension_id",
        string="Suspensions",
        copy=False,
        readonly=True,
    )
    support_payment_invoice_id = fields.Many2one(
        "account.move",
        string="Invoice to pay",
        compute="_compute_support_payment_invoice_id",
        compute_sudo=True,
        help="The invoice whose payment activates this service, while it waits "
        "for it.",
    )
    support_suspension_reason = fields.Char(
        string="Suspension reason",
        compute="_compute_support_suspension_reason",
        compute_sudo=True,
    )

    @api.model_create_multi
    def create(self, vals_list):
        products = self.env["product.product"].browse(
            [vals["product_id"] for vals in vals_list if vals.get("product_id")]
        )
        waiting = products.filtered("product_tmpl_id.support_paid_before_activation")
        for vals in vals_list:
            # a new service of such a product starts when its first invoice
            # is paid, whatever state its creator asked for; a renewal's
            # successor continues its predecessor's service and state
            if vals.get("product_id") in waiting.ids and not vals.get(
                "predecessor_contract_line_id"
            ):
                vals["service_state"] = "waiting_payment"
        return super().create(vals_list)

    @api.depends("service_state")
    def _compute_support_payment_invoice_id(self):
        self.support_payment_invoice_id = False
        for line in self.filtered(lambda line: line.service_state == "waiting_payment"):
            line.support_payment_invoice_id = (
                self.env["account.move.line"]
                .search(
                    [
                        ("contract_line_id", "=", line.id),
                        ("move_id.move_type", "=", "out_invoice"),
                        ("move_id.state", "=", "posted"),
                        ("move_id.payment_state", "in", UNPAID_STATES),
                    ],
                    order="id desc",
                    limit=1,
                )
                .move_id
            )

    @api.depends("service_state", "support_suspension_ids.state")
    def _compute_support_suspension_reason(self):
        self.support_suspension_reason = False
        for line in self.filtered(lambda line: line.service_state == "suspended"):
            active = line.support_suspension_ids.filtered(lambda s: s.state == "active")
            reasons = dict.fromkeys(active.mapped("reason_label"))
            line.support_suspension_reason = format_list(self.env, list(reasons))
