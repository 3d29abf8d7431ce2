from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class SupportWebProjectsPortal(CustomerPortal):
    """ "My web projects": each project's state and what is due when."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "support_web_project_count" in counters:
            projects = request.env["support.web.project"]
            values["support_web_project_count"] = (
                projects.search_count(self._support_web_projects_domain())
                if projects.has_access("read")
                else 0
            )
        return values

    def _support_web_projects_domain(self):
        partner = request.env.user.partner_id.commercial_partner_id
        return [("partner_id", "=", partner.id)]

    @http.route("/my/web-projects", type="http", auth="user", website=True)
    def portal_my_web_projects(self, **kw):
        # searched with the customer's own rights (record rules)
        projects = request.env["support.web.project"].search(
            self._support_web_projects_domain()
        )
        values = self._prepare_portal_layout_values()
        values.update(page_name="support_web_projects", projects=projects)
        return request.render("support_terms_web_design.portal_my_web_projects", values)
