from odoo import models


class SupportServiceSuspension(models.Model):
    _inherit = "support.service.suspension"

    def _suspend_lines(self):
        res = super()._suspend_lines()
        for suspension in self.filtered("company_id.support_it_law"):
            suspension.partner_id._support_warn_unapproved(
                suspension.company_id,
                "suspension",
                self.env._("Suspension for late payment"),
            )
        return res
