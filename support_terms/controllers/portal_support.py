from odoo import http
from odoo.http import request

from odoo.addons.helpdesk_mgmt.controllers.myaccount import CustomerPortalHelpdesk

from .portal import SupportTermsTicketController


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


class SupportTermsRequestController(SupportTermsTicketController):
    """The new-request form asks the kind of request and says, for each kind,
    what the customer's plan says of it and what it costs."""

    def _get_categories(self, **kw):
        categories = super()._get_categories(**kw)
        plan = self._support_plan()
        if categories or not plan.coverage_rule_ids:
            return categories
        # the plan's terms decide by kind of request: the form asks it even
        # where the company did not turn OCA's choice of category on
        return (
            request.env["helpdesk.ticket.category"]
            .with_company(request.env.company)
            .search([("active", "=", True), ("show_in_portal", "=", True)])
        )

    def _support_chosen_category(self, categories, **kw):
        """The id of the posted kind when the form offers it, else 0."""
        try:
            chosen = int(kw.get("category") or 0)
        except ValueError:
            return 0
        return chosen if chosen in categories.ids else 0

    def _get_create_new_ticket_values(self, **kw):
        values = super()._get_create_new_ticket_values(**kw)
        categories = values["categories"]
        values["support_category"] = self._support_chosen_category(categories, **kw)
        plan = self._support_plan()
        if plan and categories:
            partner = request.env.user.partner_id
            rules = {rule.category_id.id: rule for rule in plan.coverage_rule_ids}
            no_rule = request.env["support.coverage.rule"]
            values["support_kind_costs"] = {
                category.id: rules.get(category.id, no_rule)._support_cost_text(partner)
                for category in categories
            }
        return values

    def _support_form_error(self, **kw):
        error = super()._support_form_error(**kw)
        if error or not kw.get("category"):
            return error
        categories = self._get_categories(**kw)
        if self._support_chosen_category(categories, **kw):
            return None
        if not categories:
            # the form asks no kind: a posted one is left out, as OCA's form
            # would not offer it (see _prepare_submit_ticket_vals)
            return None
        return request.env._(
            "Choose the kind of request among: %(kinds)s.",
            kinds=", ".join(categories.mapped("complete_name")),
        )

    def _prepare_submit_ticket_vals(self, **kw):
        vals = super()._prepare_submit_ticket_vals(**kw)
        if not self._get_categories(**kw):
            # a kind decides what the request costs: only one the form offered
            vals.pop("category_id", None)
        return vals
