from werkzeug.exceptions import Forbidden

from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class SupportTermsPortal(CustomerPortal):
    """ "My terms": the customer's main contact accepts the current terms
    and, separately, specifically approves the onerous clauses (Codice
    civile art. 1341-1342)."""

    @http.route(
        "/my/terms", type="http", auth="user", website=True, methods=["GET", "POST"]
    )
    def portal_my_terms(self, accept=None, approve=None, **kw):
        partner = request.env.user.partner_id
        customer = partner.commercial_partner_id
        if partner != customer:
            raise Forbidden()
        company = request.env.user.company_id
        clauses = company.support_terms_clause_ids.sorted("sequence")
        onerous = clauses.filtered("specific_approval")
        error = None
        if request.httprequest.method == "POST":
            if not accept:
                error = request.env._(
                    "Tick the box to accept the terms: nothing was recorded."
                )
            elif not company.support_terms_version or not clauses:
                error = request.env._("There are no terms to accept.")
            else:
                # checked: the customer's own main contact records its own
                # acceptance, which portal users may not create directly
                request.env["support.terms.acceptance"].sudo().create(
                    {
                        "company_id": company.id,
                        "partner_id": customer.id,
                        "terms_version": company.support_terms_version,
                        "channel": "portal",
                        "source_address": request.httprequest.remote_addr,
                        "signed_by": request.env.user.name,
                        "approved_clause_ids": [(6, 0, onerous.ids if approve else [])],
                    }
                )
                return request.redirect("/my/terms?accepted=1")
        acceptance = request.env["support.terms.acceptance"].search(
            [
                ("partner_id", "=", customer.id),
                ("company_id", "=", company.id),
                ("terms_version", "=", company.support_terms_version),
            ],
            limit=1,
        )
        values = self._prepare_portal_layout_values()
        values.update(
            page_name="support_terms",
            company=company,
            clauses=clauses,
            onerous=onerous,
            acceptance=acceptance,
            error=error,
            accepted=kw.get("accepted"),
        )
        return request.render("support_terms_l10n_it.portal_my_terms", values)
