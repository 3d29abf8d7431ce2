from odoo import _, models
from odoo.exceptions import UserError


class BasePartnerMergeAutomaticWizard(models.TransientModel):
    _inherit = "base.partner.merge.automatic.wizard"

    def _update_foreign_keys(self, src_partners, dst_partner):
        """Credits are not transferable: merging a customer that holds
        prepaid credits would move them to another contact."""
        holders = self.env["support.credit.move"]._holders(src_partners)
        if holders:
            raise UserError(
                _(
                    "%(customers)s hold prepaid support credits, which are not "
                    "transferable: they cannot be merged into %(other)s.",
                    customers=", ".join(holders.mapped("name")),
                    other=dst_partner.display_name,
                )
            )
        return super()._update_foreign_keys(src_partners, dst_partner)
