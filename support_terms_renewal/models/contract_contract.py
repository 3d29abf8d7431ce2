from odoo import fields, models

# where the batched renewal keeps OCA's renewal notes until it logs them
RENEWAL_NOTES = "support_terms_renewal.notes"


class ContractContract(models.Model):
    _inherit = "contract.contract"

    cancellation_notice_count = fields.Integer(
        compute="_compute_cancellation_notice_count"
    )

    def _compute_cancellation_notice_count(self):
        notices = self.env["support.cancellation.notice"]
        for contract in self:
            contract.cancellation_notice_count = notices.search_count(
                [("contract_line_ids.contract_id", "=", contract.id)]
            )

    def action_view_cancellation_notices(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "support_terms_renewal.support_cancellation_notice_action"
        )
        action["domain"] = [("contract_line_ids.contract_id", "=", self.id)]
        action["context"] = {
            "default_partner_id": self.partner_id.commercial_partner_id.id,
            "default_company_id": self.company_id.id,
            "default_contract_line_ids": self.contract_line_ids.filtered(
                lambda line: not line.is_canceled and not line.display_type
            ).ids,
        }
        return action

    def message_post(self, **kwargs):
        if (
            self.env.context.get("support_renewal_batch")
            and len(self) == 1
            and set(kwargs) == {"body"}
        ):
            # logged together by ``contract.line._renew_due``
            notes = self.env.cr.precommit.data.setdefault(RENEWAL_NOTES, [])
            notes.append((self.id, kwargs["body"]))
            return self.env["mail.message"]
        return super().message_post(**kwargs)
