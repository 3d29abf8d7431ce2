from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController


class SupportTermsTicketController(HelpdeskTicketController):
    """The portal form: only for plans with the portal, an Urgent choice beside
    the plan's urgency terms, the impact, the kind of request and what the
    customer's plan says of each kind and what it costs."""

    @http.route("/ticket/close", type="http", auth="user", methods=["POST"], csrf=True)
    def support_ticket_close(self, **kw):
        """Close the user's own request into a stage the portal offers: OCA's
        route closes any ticket by id in sudo, on a GET without CSRF token."""
        try:
            ticket = request.env["helpdesk.ticket"].browse(int(kw.get("ticket_id")))
            stage = request.env["helpdesk.ticket.stage"].browse(int(kw.get("stage_id")))
            ticket.check_access("read")
            ticket = ticket.exists()
            user = request.env.user
            # a follower of another company reads the request, not its
            # customer (a contact it may not read): closing it is the customer's
            if not ticket or not ticket._support_from_customer(
                user.partner_id, user.email
            ):
                raise NotFound()
        except (AccessError, MissingError, TypeError, ValueError) as error:
            raise NotFound() from error
        # the user may read the ticket, not write tickets: the rest is sudo
        ticket_sudo = ticket.sudo()
        team = ticket_sudo.team_id.with_company(ticket_sudo.company_id)
        closable = team._get_applicable_stages().filtered("close_from_portal")
        # as OCA answers: back to the ticket, closed only into a stage the
        # portal offers for its team
        if stage.id in closable.ids:
            ticket_sudo.stage_id = stage
        return request.redirect(f"/my/ticket/{ticket.id}", code=302)

    def _support_plan(self):
        """The user's plan in force, the customer's own: sudo to show its
        hours, channels and prices, which the customer may not read."""
        return request.env.user.partner_id.support_plan_id.sudo()

    def _support_plan_without_portal(self):
        """The user's plan when it does not include the portal's form."""
        plan = self._support_plan()
        # in the plan's sudo environment: the customer does not read channels
        web = plan.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_channel_web", raise_if_not_found=False
        )
        return plan if plan and not plan._support_allows_channel(web) else None

    @http.route("/new/ticket", type="http", auth="user", website=True)
    def create_new_ticket(self, **kw):
        """The form is offered to the customers whose plan includes the
        portal; the others read which channels their plan has, and how to
        get one with the portal."""
        plan = self._support_plan_without_portal()
        if plan:
            return request.render(
                "support_terms.portal_channel_not_in_plan",
                {"support_plan_sudo": plan, "page_name": "support"},
            )
        return super().create_new_ticket(**kw)

    @http.route("/submitted/ticket", type="http", auth="user", website=True, csrf=True)
    def submit_ticket(self, **kw):
        """A form that cannot become a request is shown again with why, and
        nothing is created."""
        plan = self._support_plan_without_portal()
        if plan:
            # checked before anything is written: the form is not the
            # customer's channel
            raise UserError(
                request.env._(
                    "Your plan %(plan)s does not include requests from the "
                    "portal: send them by %(channels)s.",
                    plan=plan.display_name,
                    channels=plan._support_channel_names(),
                )
            )
        error = self._support_form_error(**kw)
        if error:
            return self._support_form_again(kw, status=400, support_error=error)
        if not str(kw.get("category") or 0).isdigit():
            # only a form that asks no kind gets here with a kind that is no
            # id (else it was refused above): there is nothing to choose
            del kw["category"]
        similar = not kw.get("support_not_duplicate") and self._support_similar(**kw)
        if similar:
            # one request per problem: the customer sees its open requests
            # like this one before sending another
            return self._support_form_again(kw, support_similar=similar)
        return super().submit_ticket(**kw)

    def _support_form_again(self, kw, status=200, **values):
        """The form as posted, with ``values`` saying why it was not sent."""
        values = {**self._get_create_new_ticket_values(**kw), **values}
        form = "helpdesk_mgmt.portal_create_ticket"
        return request.render(form, values, status=status)

    def _support_similar(self, **kw):
        """The user's open requests like the one posted, as the user reads
        them."""
        user = request.env.user
        category = request.env["helpdesk.ticket.category"].browse(
            int(kw.get("category") or 0)
        )
        # a posted id, maybe of a kind the form does not offer: its company
        # only decides where similar requests are looked for
        company = category.sudo().company_id or request.env.company
        similar = request.env["helpdesk.ticket"]._support_similar_open_requests(
            user.partner_id, user.email, kw.get("subject"), company
        )
        # only those the user may read are listed
        return similar.with_env(request.env)._filtered_access("read")

    def _support_form_error(self, **kw):
        """Why the posted form cannot become a request, or None."""
        impacts = dict(self._support_impacts())
        if kw.get("impact") and kw["impact"] not in impacts:
            return request.env._(
                "Choose the impact of your request among: %(impacts)s.",
                impacts=", ".join(impacts.values()),
            )
        categories = self._get_categories(**kw) if kw.get("category") else None
        # no kind posted, or the form asks none: a posted one is left out, as
        # OCA's form would not offer it (see _prepare_submit_ticket_vals)
        if not categories or self._support_chosen_category(categories, **kw):
            return None
        return request.env._(
            "Choose the kind of request among: %(kinds)s.",
            kinds=", ".join(categories.mapped("complete_name")),
        )

    def _get_categories(self, **kw):
        categories = super()._get_categories(**kw)
        if categories or not self._support_plan().coverage_rule_ids:
            return categories
        # the plan's terms decide by kind of request: the form asks it even
        # where the company did not turn OCA's choice of category on
        categories = request.env["helpdesk.ticket.category"]
        return categories.with_company(request.env.company).search(
            [("active", "=", True), ("show_in_portal", "=", True)]
        )

    def _support_chosen_category(self, categories, **kw):
        """The id of the posted kind when the form offers it, else 0."""
        try:
            chosen = int(kw.get("category") or 0)
        except ValueError:
            return 0
        return chosen if chosen in categories.ids else 0

    def _support_impacts(self):
        field = request.env["helpdesk.ticket"]._fields["impact"]
        return field._description_selection(request.env)

    def _get_create_new_ticket_values(self, **kw):
        values = super()._get_create_new_ticket_values(**kw)
        plan = self._support_plan()
        categories = values["categories"]
        values.update(
            support_plan=plan,
            support_impacts=self._support_impacts(),
            support_impact=kw.get("impact"),
            support_subject=kw.get("subject"),
            support_description=kw.get("description"),
            support_category=self._support_chosen_category(categories, **kw),
        )
        if plan and categories:
            partner = request.env.user.partner_id
            rules = {rule.category_id.id: rule for rule in plan.coverage_rule_ids}
            no_rule = request.env["support.coverage.rule"]
            values["support_kind_costs"] = {
                category.id: rules.get(category.id, no_rule)._support_cost_text(partner)
                for category in categories
            }
        return values

    def _prepare_submit_ticket_vals(self, **kw):
        vals = super()._prepare_submit_ticket_vals(**kw)
        company = request.env["res.company"].browse(vals.get("company_id"))
        tickets = request.env["helpdesk.ticket"]
        if kw.get("urgent") or tickets._subject_is_urgent(kw.get("subject"), company):
            vals.update(is_urgent=True, urgency_source="portal")
        if kw.get("impact"):
            vals["impact"] = kw["impact"]
        if not self._get_categories(**kw):
            # a kind decides what the request costs: only one the form offered
            vals.pop("category_id", None)
        return vals
