from odoo import _, models


class HelpdeskTicket(models.Model):
    """What needs several features of the terms at once."""

    _inherit = "helpdesk.ticket"

    def write(self, vals):
        res = super().write(vals)
        if vals.get("urgency_review") == "unjustified":
            self._charge_unjustified_urgency()
        return res

    def _reopened_by_message(self, message):
        """An email that reopens or follows up a closed request is read for
        urgency like any email that opens one."""
        res = super()._reopened_by_message(message)
        if (
            message.message_type == "email"
            and not self.is_urgent
            and self._subject_is_urgent(message.subject)
        ):
            self._mark_urgent("email")
        return res

    def _charge_unjustified_urgency(self):
        """One charge per ticket, with the plan's fee product: the terms bill
        unjustified urgencies handled with priority."""
        for ticket in self:
            if ticket.support_charge_ids.filtered(lambda c: c.kind == "urgency"):
                continue
            product = ticket.support_plan_id.urgency_fee_product_id
            if not product:
                ticket.message_post(
                    body=_(
                        "Unjustified urgency not charged: the plan has no "
                        "urgency fee product."
                    ),
                    subtype_xmlid="mail.mt_note",
                )
                continue
            ticket._add_charge("urgency", product)
