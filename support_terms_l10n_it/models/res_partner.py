from odoo import api, fields, models

from odoo.addons.support_terms_base.tools import check_manager

# what the computed value follows: a write of them recomputes it
CONSUMER_DEPENDS = {"is_company", "vat", "parent_id"}


class ResPartner(models.Model):
    _inherit = "res.partner"

    support_is_consumer = fields.Boolean(
        string="Consumer",
        compute="_compute_support_is_consumer",
        store=True,
        readonly=False,
        tracking=True,
        help="A natural person acting outside any business (Consumer Code "
        "art. 3): no company, no VAT number, not a contact of a company. "
        "Computed; a support terms manager may correct it.",
    )

    @api.depends(
        "is_company",
        "vat",
        "parent_id",
        "commercial_partner_id.is_company",
        "commercial_partner_id.vat",
    )
    def _compute_support_is_consumer(self):
        for partner in self:
            commercial = partner.commercial_partner_id
            partner.support_is_consumer = not (
                partner.is_company
                or partner.vat
                or commercial.is_company
                or commercial.vat
            )

    def write(self, vals):
        if "support_is_consumer" in vals and not CONSUMER_DEPENDS & set(vals):
            changed = self.filtered(
                lambda p: p.support_is_consumer != bool(vals["support_is_consumer"])
            )
            # a form sends the value its onchange recomputed: only a change
            # by hand is a correction
            if changed:
                changed._check_consumer_writer()
        return super().write(vals)

    def _check_consumer_writer(self):
        """Whether the law protects a customer as a consumer changes its
        rights: only a support terms manager corrects it."""
        check_manager(
            self,
            self.env._(
                "Only a support terms manager can change whether a customer is "
                "a consumer."
            ),
            model_rights=False,
        )

    def _support_consumer_law(self, company):
        """Whether ``company`` applies the consumer law to this customer."""
        self.ensure_one()
        return bool(
            company.support_it_law and self.commercial_partner_id.support_is_consumer
        )
