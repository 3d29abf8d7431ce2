from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class SupportTermsPortal(CustomerPortal):
    """ "My support": the customer's plan, its terms and the prepaid credits."""

    @http.route(["/my/support"], type="http", auth="user", website=True)
    def portal_my_support(self, **kw):
        partner = request.env.user.partner_id
        # the plan is read through its portal record rule (the customer's own);
        # its hours and channels are shown by name only (sudo on the plan)
        plan = partner.support_plan_id.with_env(request.env)
        # credit moves through the portal record rule: the customer's own only
        moves = request.env["support.credit.move"].search([], limit=200)
        packs = moves.filtered(lambda m: m.move_type == "grant" and m.remaining > 0)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "support",
                "support_plan": plan,
                "support_plan_sudo": plan.sudo(),
                "credit_balance": partner.support_credit_balance,
                "credit_moves": moves,
                "credit_packs": packs.sorted(lambda m: (m.expiry_date, m.id)),
            }
        )
        return request.render("support_terms.portal_my_support", values)
