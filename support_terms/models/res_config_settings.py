from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    support_terms_template = fields.Selection(
        related="company_id.support_terms_template",
    )

    def action_open_terms_template_wizard(self):
        return self.env["ir.actions.act_window"]._for_xml_id(
            "support_terms.support_terms_template_apply_action"
        )
