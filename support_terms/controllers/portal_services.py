from werkzeug.exceptions import Forbidden, NotFound

from odoo import http
from odoo.exceptions import AccessError, MissingError, ValidationError
from odoo.http import request
from odoo.osv import expression

from odoo.addons.portal.controllers.portal import CustomerPortal


class SupportServicesPortal(CustomerPortal):
    """ "My services": the customer's services, their renewal and notices."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "support_service_count" in counters:
            lines = request.env["contract.line"]
            values["support_service_count"] = (
                lines.search_count(self._support_services_domain())
                if lines.has_access("read")
                else 0
            )
        return values

    def _support_services_domain(self):
        """The services in force or still to come, and those waiting for the
        payment of their first invoice, one line per service."""
        partner = request.env.user.partner_id.commercial_partner_id
        today = request.env.user.company_id._support_today()
        return [
            ("contract_id.partner_id", "child_of", partner.id),
            ("successor_contract_line_id", "=", False),
            *expression.OR(
                [
                    request.env["contract.line"]._support_in_force_domain(
                        today, include_future=True
                    ),
                    [
                        ("service_state", "=", "waiting_payment"),
                        ("display_type", "=", False),
                        ("is_canceled", "=", False),
                        ("contract_id.active", "=", True),
                    ],
                ]
            ),
        ]

    def _support_may_cancel(self):
        """The company's own user, or a contact staff allowed to, requests
        cancellations; other contacts of the company only read."""
        partner = request.env.user.partner_id.sudo()
        return (
            partner == partner.commercial_partner_id
            or partner.support_may_cancel_services
        )

    def _support_service(self, line_id):
        """A service of the customer, checked with its own access rights."""
        # searched, not filtered in memory: the customer may not read every
        # field of its contract the domain looks at
        line = request.env["contract.line"].search(
            [("id", "=", line_id), *self._support_services_domain()], limit=1
        )
        if not line:
            raise MissingError(request.env._("This service does not exist."))
        line.check_access("read")
        return line

    @http.route("/my/services", type="http", auth="user", website=True)
    def portal_my_services(self, notice=None, **kw):
        lines = request.env["contract.line"].search(
            self._support_services_domain(), order="date_end, id"
        )
        partner = request.env.user.partner_id.commercial_partner_id
        notices = request.env["support.cancellation.notice"].search(
            [("partner_id", "=", partner.id)]
        )
        company = request.env.user.company_id
        if lines:
            company = lines[0].sudo().company_id
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "support_services",
                "services": lines.sudo(),
                "notices": notices.sudo(),
                "pending_line_ids": notices.filtered(
                    lambda n: n.state == "draft"
                ).contract_line_ids.ids,
                "new_notice": notices.filtered(lambda n: str(n.id) == notice)[
                    :1
                ].sudo(),
                "company": company.sudo(),
                "may_cancel": self._support_may_cancel(),
            }
        )
        return request.render("support_terms.portal_my_services", values)

    @http.route(
        "/my/services/<int:line_id>/cancel",
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
    )
    def portal_service_cancel(self, line_id, note=None, **kw):
        """The request form; sent, it is recorded as a notice that staff
        confirm or reject."""
        try:
            line = self._support_service(line_id)
        except (AccessError, MissingError) as exc:
            raise NotFound() from exc
        if not self._support_may_cancel():
            raise Forbidden()
        error = None
        if not line.sudo().date_end:
            error = request.env._(
                "This service has no end date: it does not renew, so there is "
                "no renewal to cancel. Contact us to end it."
            )
        elif not line.sudo().is_auto_renew:
            error = request.env._(
                "This service does not renew tacitly, so there is no renewal "
                "to cancel. Contact us to end it."
            )
        if request.httprequest.method != "POST" or error:
            return self._render_service_cancel(line, error)
        line = line.sudo()
        partner = request.env.user.partner_id.commercial_partner_id
        try:
            with request.env.cr.savepoint():
                notice = (
                    request.env["support.cancellation.notice"]
                    .sudo()
                    .with_company(line.company_id)
                    .create(
                        {
                            "partner_id": partner.id,
                            "company_id": line.company_id.id,
                            "contract_line_ids": [(6, 0, line.ids)],
                            "channel": "portal",
                            "note": (note or "").strip()[:2000] or False,
                        }
                    )
                )
        except ValidationError as exc:
            return self._render_service_cancel(line, exc.args[0])
        notice.message_post(
            body=request.env._(
                "Cancellation requested from the portal by %(user)s.",
                user=request.env.user.name,
            )
        )
        return request.redirect(f"/my/services?notice={notice.id}")

    def _render_service_cancel(self, line, error=None):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "support_services",
                "service": line.sudo(),
                "company": line.sudo().company_id,
                "error": error,
            }
        )
        return request.render("support_terms.portal_service_cancel", values)
