from datetime import timedelta

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessError, ValidationError
from odoo.http import content_disposition, request
from odoo.osv import expression
from odoo.tools import format_amount, format_date

from odoo.addons.portal.controllers.portal import CustomerPortal

CANCELLATION_LETTER = "support_terms_renewal.action_report_cancellation_notice_letter"


class SupportServicesPortal(CustomerPortal):
    """ "My support": the customer's plan, terms and prepaid credits; "My
    services": its services, their renewal and notices."""

    def _support_render(self, template, status=200, **values):
        """``template`` in the portal's layout, with ``values``."""
        values = {**self._prepare_portal_layout_values(), **values}
        return request.render(template, values, status=status)

    @http.route(["/my/support"], type="http", auth="user", website=True)
    def portal_my_support(self, **kw):
        partner = request.env.user.partner_id
        # the plan is read through its portal record rule (the customer's own);
        # its hours and channels are shown by name only (sudo on the plan)
        plan = partner.support_plan_id
        # the customer's own moves, read through the portal record rule too
        own = [("partner_id", "=", partner.commercial_partner_id.id)]
        credit_moves = request.env["support.credit.move"]
        return self._support_render(
            "support_terms.portal_my_support",
            page_name="support",
            support_plan=plan,
            support_plan_sudo=plan.sudo(),
            # what a request without a plan gets, as the company decided
            no_plan_mode=request.env.company.support_no_plan_mode,
            credit_balance=partner.support_credit_balance,
            credit_moves=credit_moves.search(own, limit=200),
            credit_packs=credit_moves.search(
                own + [("move_type", "=", "grant"), ("remaining", ">", 0)],
                order="expiry_date, id",
            ),
        )

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        searches = {
            "support_service_count": ("contract.line", self._support_services_domain),
            "support_expiring_count": ("contract.line", self._support_expiring_domain),
            # open: not in a closing stage
            "support_open_request_count": (
                "helpdesk.ticket",
                lambda: [("stage_id.closed", "=", False)],
            ),
        }
        for counter, (model, domain) in searches.items():
            if counter in counters:
                records = request.env[model]
                values[counter] = (
                    records.search_count(domain()) if records.has_access("read") else 0
                )
        if "support_credit_count" in counters:
            # the balance is the customer's own (computed from its moves)
            balance = request.env.user.partner_id.support_credit_balance
            values["support_credit_count"] = (
                int(balance) if balance == int(balance) else balance
            )
        if "support_amount_due" in counters:
            values["support_amount_due"] = self._support_amount_due()
        return values

    def _support_expiring_domain(self):
        """The customer's services ending within the company's reminder
        days: those the renewal reminders speak of."""
        company = request.env.user.company_id
        today = company._support_today()
        days = company.support_renewal_reminder_days
        return [
            *self._support_services_domain(),
            ("date_end", ">=", today),
            ("date_end", "<=", today + timedelta(days=days)),
        ]

    def _support_amount_due(self):
        """What the customer owes on its posted invoices, in the company's
        currency, as Odoo's "Invoices" page lists them."""
        moves = request.env["account.move"]
        if not moves.has_access("read"):
            return 0
        partner = request.env.user.partner_id.commercial_partner_id
        posted = [("move_type", "=", "out_invoice"), ("state", "=", "posted")]
        invoices = moves.search(
            [
                *posted,
                ("partner_id", "child_of", partner.id),
                ("payment_state", "in", ("not_paid", "partial")),
            ]
        )
        if not invoices and not moves.search_count(posted, limit=1):
            # no invoice at all: nothing to show on a card that stays hidden
            return 0
        due = sum(invoices.mapped("amount_residual_signed"))
        return format_amount(request.env, due, request.env.user.company_id.currency_id)

    def _support_suspension_values(self):
        """The customer's suspended services and the unpaid invoices that
        suspended them, for the banner of the home and of "My services"."""
        partner = request.env.user.partner_id.commercial_partner_id
        suspensions = request.env["support.service.suspension"].search(
            [("partner_id", "=", partner.id), ("state", "=", "active")]
        )
        invoices = suspensions.invoice_ids.filtered(
            lambda move: move.state == "posted"
            and move.payment_state in ("not_paid", "partial")
        )
        return {
            "support_suspensions": suspensions,
            "support_suspended_lines": suspensions.line_ids,
            "support_suspension_invoices": invoices,
        }

    @http.route()
    def home(self, **kw):
        response = super().home(**kw)
        if getattr(response, "qcontext", None) is not None:
            response.qcontext.update(self._support_suspension_values())
        return response

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
        partner = request.env.user.partner_id
        # the permission is a staff field on the user's own contact
        return (
            partner == partner.commercial_partner_id
            or partner.sudo().support_may_cancel_services
        )

    def _support_services(self, domain=()):
        """The customer's services, searched with its own rights, as sudo
        records: the pages show their contract and product, which the customer
        may not read one by one."""
        lines = request.env["contract.line"].search(
            [*domain, *self._support_services_domain()], order="date_end, id"
        )
        return lines.sudo()

    def _support_service(self, line_id):
        """One service of the customer, as a sudo record; else not found."""
        try:
            line = self._support_services([("id", "=", line_id)])
        except AccessError as exc:
            raise NotFound() from exc
        if not line:
            raise NotFound()
        return line

    def _support_billing_cycle(self, line):
        """How often the service is invoiced, in words."""
        _ = request.env._
        count = line.recurring_interval or 1
        # (once per period, every <count> periods)
        labels = {
            "daily": (_("Daily"), _("Every %(count)s days", count=count)),
            "weekly": (_("Weekly"), _("Every %(count)s weeks", count=count)),
            "monthly": (_("Monthly"), _("Every %(count)s months", count=count)),
            "quarterly": (_("Quarterly"), _("Every %(count)s quarters", count=count)),
            "semesterly": (
                _("Every six months"),
                _("Every %(count)s semesters", count=count),
            ),
            "yearly": (_("Yearly"), _("Every %(count)s years", count=count)),
        }
        labels["monthlylastday"] = labels["monthly"]
        once, every = labels.get(line.recurring_rule_type, ("", ""))
        return once if count == 1 else every

    def _support_renewal_quotations(self, lines):
        """``{line id: quotation}``: the renewal offered to the customer and
        not yet confirmed, to sign and pay in the portal."""
        # the lines are the customer's (searched with its rights); the offer
        # is staff's record, its quotation the customer's own document
        offers = (
            request.env["support.renewal.offer"]
            .sudo()
            .search([("contract_line_id", "in", lines.ids), ("state", "=", "offered")])
        )
        return {
            offer.contract_line_id.id: offer.sale_order_id
            for offer in offers
            if offer.sale_order_id.state in ("draft", "sent")
        }

    def _support_credit_packs(self):
        """The credit packs the customer may buy, in its company."""
        products = request.env["product.product"].sudo()
        return products.search(
            [
                ("support_credit_pack", "=", True),
                ("sale_ok", "=", True),
                ("company_id", "in", (False, request.env.user.company_id.id)),
            ],
            order="list_price, id",
        )

    @http.route("/my/services", type="http", auth="user", website=True)
    def portal_my_services(self, notice=None, **kw):
        lines_sudo = self._support_services()
        partner = request.env.user.partner_id.commercial_partner_id
        # the customer's own notices (searched with its rights): whether one is
        # valid is judged on its contracts, which the customer may not read
        own = [("partner_id", "=", partner.id)]
        notices = request.env["support.cancellation.notice"].search(own).sudo()
        drafts = notices.filtered(lambda n: n.state == "draft")
        return self._support_render(
            "support_terms.portal_my_services",
            **self._support_suspension_values(),
            page_name="support_services",
            services=lines_sudo,
            notices=notices,
            pending_line_ids=drafts.contract_line_ids.ids,
            new_notice=notices.filtered(lambda n: str(n.id) == notice)[:1],
            company=lines_sudo[:1].company_id or request.env.user.company_id,
            may_cancel=self._support_may_cancel(),
            billing_cycles={
                line.id: self._support_billing_cycle(line) for line in lines_sudo
            },
            cancel_refusals={
                line.id: self._support_cancel_refusal(line) for line in lines_sudo
            },
            renewal_quotations=self._support_renewal_quotations(lines_sudo),
            credit_packs=self._support_credit_packs(),
        )

    @http.route(
        "/my/services/credits/buy",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_buy_credits(self, product_id=None, **kw):
        """A quotation of the credit pack chosen, to sign and pay in the
        portal as any quotation; the credits come with its paid invoice."""
        try:
            chosen = int(product_id or 0)
        except ValueError as exc:
            raise NotFound() from exc
        product = self._support_credit_packs().filtered(lambda p: p.id == chosen)
        if not product:
            raise NotFound()
        partner = request.env.user.partner_id.commercial_partner_id
        company = request.env.user.company_id
        # the customer may not create sales orders: the quotation of a pack
        # it chose among those for sale is created for it, for itself only;
        # a quotation of the same pack still to sign is reused, not repeated
        orders = request.env["sale.order"].sudo().with_company(company)
        order = orders.search(
            [
                ("partner_id", "=", partner.id),
                ("company_id", "=", company.id),
                ("state", "in", ("draft", "sent")),
                ("order_line.product_id", "=", product.id),
                ("origin", "=", "portal"),
            ],
            limit=1,
        )
        if not order:
            order = orders.create(
                {
                    "partner_id": partner.id,
                    "company_id": company.id,
                    "origin": "portal",
                    "require_signature": False,
                    "require_payment": True,
                    "prepayment_percent": 1.0,
                    "order_line": [
                        (0, 0, {"product_id": product.id, "product_uom_qty": 1})
                    ],
                }
            )
        return request.redirect(order.get_portal_url())

    def _support_cancel_refusal(self, line):
        """Why the user may not request the cancellation of ``line`` (a
        sudo record of the customer's), or None."""
        env = request.env
        if not self._support_may_cancel():
            return env._(
                "Only %(customer)s itself, or a contact it authorises, may "
                "request the cancellation of its services. Ask them to send it, "
                "or to ask us to authorise you.",
                customer=env.user.partner_id.commercial_partner_id.name,
            )
        if not line.date_end:
            return env._(
                "This service has no end date: it does not renew, so there is "
                "no renewal to cancel. Contact us to end it."
            )
        if not line.is_auto_renew:
            return env._(
                "This service does not renew tacitly, so there is no renewal "
                "to cancel. Contact us to end it."
            )
        start = min(line.contract_id.contract_line_ids.mapped("date_start"))
        if start > line.company_id._support_today():
            return env._(
                "This service starts on %(start)s: its cancellation can be "
                "requested from that day. To change an order that has not "
                "started yet, contact us.",
                start=format_date(env, start),
            )
        return None

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
        line = self._support_service(line_id)
        note = (note or "").strip()[:2000]
        refusal = self._support_cancel_refusal(line)
        if refusal:
            # the page says why, and how else the notice can be sent
            status = 403 if not self._support_may_cancel() else 200
            return self._render_service_cancel(
                line, refusal, note, status=status, show_form=False
            )
        if request.httprequest.method != "POST":
            return self._render_service_cancel(line)
        partner = request.env.user.partner_id.commercial_partner_id
        try:
            with request.env.cr.savepoint():
                # the customer reads notices only: its own, for a service of
                # its own it may cancel (both checked above), is created for it
                notices = request.env["support.cancellation.notice"].sudo()
                notice = notices.with_company(line.company_id).create(
                    {
                        "partner_id": partner.id,
                        "company_id": line.company_id.id,
                        "contract_line_ids": [(6, 0, line.ids)],
                        "channel": "portal",
                        "note": note or False,
                    }
                )
        except ValidationError as exc:
            # the customer's message stays in the form, to send again
            return self._render_service_cancel(line, exc.args[0], note, status=400)
        notice.message_post(
            body=request.env._(
                "Cancellation requested from the portal by %(user)s.",
                user=request.env.user.name,
            )
        )
        return request.redirect(f"/my/services?notice={notice.id}")

    @http.route(
        "/my/services/<int:line_id>/cancellation-notice",
        type="http",
        auth="user",
        website=True,
    )
    def portal_service_cancellation_letter(self, line_id, **kw):
        """The cancellation notice filled in, as a PDF to sign and send by a
        channel the terms accept."""
        line = self._support_service(line_id)
        if not (line.date_end and line.is_auto_renew):
            # no renewal to cancel: the page says so, there is no notice
            raise NotFound()
        # rendered for the customer's own service, checked above
        report = request.env["ir.actions.report"].sudo().with_company(line.company_id)
        pdf = report._render_qweb_pdf(CANCELLATION_LETTER, line.ids)[0]
        filename = request.env._(
            "Cancellation notice - %(service)s.pdf", service=line.name
        )
        return request.make_response(
            pdf,
            headers=[
                ("Content-Type", "application/pdf"),
                ("Content-Length", len(pdf)),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )

    def _render_service_cancel(
        self, line, error=None, note=None, status=200, show_form=True
    ):
        return self._support_render(
            "support_terms.portal_service_cancel",
            status=status,
            page_name="support_services",
            service=line,
            company=line.company_id,
            error=error,
            note=note,
            show_form=show_form,
            provider_pec=line.company_id._support_notice_pec_address(),
        )
