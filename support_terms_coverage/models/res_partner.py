from odoo import _, api, fields, models
from odoo.exceptions import UserError


class ResPartner(models.Model):
    _inherit = "res.partner"

    support_credit_balance = fields.Float(
        string="Support credits",
        digits=(16, 2),
        compute="_compute_support_credit_balance",
        compute_sudo=True,
        help="Prepaid support credits left in the current company: the sum of "
        "the customer's credit moves.",
    )
    support_credit_move_ids = fields.One2many(
        "support.credit.move", "partner_id", string="Support credit moves"
    )

    @api.depends_context("company")
    @api.depends("support_credit_move_ids.quantity")
    def _compute_support_credit_balance(self):
        groups = self.env["support.credit.move"]._read_group(
            [
                ("partner_id", "in", self.commercial_partner_id.ids),
                ("company_id", "=", self.env.company.id),
            ],
            ["partner_id"],
            ["quantity:sum"],
        )
        totals = {partner.id: total for partner, total in groups}
        for partner in self:
            partner.support_credit_balance = round(
                totals.get(partner.commercial_partner_id.id, 0.0), 2
            )

    def action_view_support_credits(self):
        """The customer's credit moves: packs bought, credits used, expired."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "support_terms_coverage.support_credit_move_action"
        )
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {}
        return action

    def write(self, vals):
        res = super().write(vals)
        if "parent_id" not in vals and "is_company" not in vals:
            return res
        # credits are not transferable: a customer holding credits does not
        # become a contact of another customer, whose credits it would use and
        # who would see its credits
        for partner in self.env["support.credit.move"]._holders(self):
            if partner.commercial_partner_id != partner:
                raise UserError(
                    _(
                        "%(customer)s holds prepaid support credits, which are "
                        "not transferable: it cannot become a contact of "
                        "%(other)s.",
                        customer=partner.name,
                        other=partner.commercial_partner_id.display_name,
                    )
                )
        return res
