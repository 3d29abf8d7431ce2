from odoo import http
from odoo.http import request

from odoo.addons.helpdesk_mgmt.controllers.myaccount import CustomerPortalHelpdesk


class SupportTermsPortal(CustomerPortalHelpdesk):
    """The customer's "My support" page: plan, terms and prepaid credits."""

    @http.route(["/my/support"], type="http", auth="user", website=True)
    def portal_my_support(self, **kw):
        partner = request.env.user.partner_id
        # the plan is read through its portal record rule (the customer's own);
        # its hours and channels are shown by name only (sudo on the plan)
        plan = partner.support_plan_id
        # the customer's own moves, read through the portal record rule too
        own = [("partner_id", "=", partner.commercial_partner_id.id)]
        credit_moves = request.env["support.credit.move"]
        moves = credit_moves.search(own, limit=200)
        packs = credit_moves.search(
            own + [("move_type", "=", "grant"), ("remaining", ">", 0)],
            order="expiry_date, id",
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "support",
                "support_plan": plan,
                "support_plan_sudo": plan.sudo(),
                # what a request without a plan gets, as the company decided
                "no_plan_mode": request.env.company.support_no_plan_mode,
                "credit_balance": partner.support_credit_balance,
                "credit_moves": moves,
                "credit_packs": packs,
            }
        )
        return request.render("support_terms.portal_my_support", values)
