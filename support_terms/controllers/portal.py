from odoo.http import request

from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController


class SupportTermsTicketController(HelpdeskTicketController):
    """The portal form: an Urgent choice beside the plan's urgency terms."""

    def _get_create_new_ticket_values(self, **kw):
        values = super()._get_create_new_ticket_values(**kw)
        partner = request.env.user.partner_id
        values["support_plan"] = partner.sudo().support_plan_id
        return values

    def _prepare_submit_ticket_vals(self, **kw):
        vals = super()._prepare_submit_ticket_vals(**kw)
        company = request.env["res.company"].sudo().browse(vals.get("company_id"))
        ticket_model = request.env["helpdesk.ticket"].with_company(company)
        asked = bool(kw.get("urgent"))
        in_subject = ticket_model.new({"company_id": company.id})._subject_is_urgent(
            kw.get("subject")
        )
        if asked or in_subject:
            vals.update(is_urgent=True, urgency_source="portal")
        return vals
