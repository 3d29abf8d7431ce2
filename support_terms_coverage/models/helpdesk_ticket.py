from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_amount

from odoo.addons.support_terms_base.tools import USER_GROUP, check_manager

from .support_coverage_rule import COVERAGE_SELECTION

# the coverage of a request no rule covers: staff assess it
WITHOUT_RULE = "to_assess"
# the email telling the requester the company's rule for requests without a plan
NO_PLAN_TEMPLATES = {
    "refused": "support_terms_coverage.mail_template_no_plan_refused",
    "fixed_fee": "support_terms_coverage.mail_template_no_plan_fee",
    "quote": "support_terms_coverage.mail_template_no_plan_quote",
}


class HelpdeskTicket(models.Model):
    """``coverage`` comes from the rule of the ticket's plan and category;
    staff may override it with a reason. Extras are paid with credits, a
    quote or fixed-fee charges."""

    _inherit = "helpdesk.ticket"

    support_coverage_rule_id = fields.Many2one(
        "support.coverage.rule",
        string="Coverage rule",
        compute="_compute_support_coverage_rule_id",
        store=True,
    )
    coverage = fields.Selection(
        [*COVERAGE_SELECTION, (WITHOUT_RULE, "To assess")],
        compute="_compute_coverage",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
        copy=False,
        help="From the coverage rule of the ticket's plan and kind of request; "
        "to assess when no rule applies. Support staff may override it, with a "
        "reason.",
    )
    coverage_override_reason = fields.Text(
        string="Coverage override reason",
        compute="_compute_coverage",
        store=True,
        readonly=False,
        tracking=True,
        copy=False,
        groups=USER_GROUP,
    )
    coverage_note = fields.Text(
        related="support_coverage_rule_id.note", string="Coverage note"
    )
    coverage_billing_mode = fields.Selection(
        related="support_coverage_rule_id.billing_mode", string="Paid by"
    )
    support_credit_move_ids = fields.One2many(
        "support.credit.move", "ticket_id", string="Credits used"
    )
    support_credits_charged = fields.Float(
        string="Credits charged",
        digits=(16, 2),
        compute="_compute_support_credits_charged",
        compute_sudo=True,
    )
    support_charge_ids = fields.One2many(
        "support.ticket.charge", "ticket_id", string="Charges"
    )
    support_quote_id = fields.Many2one(
        "sale.order",
        string="Quotation",
        compute="_compute_support_quote_id",
        store=True,
        tracking=True,
        index="btree_not_null",
        help="The quotation of the request: of the sales orders linked to it, "
        "the last one not cancelled (else the last one).",
    )
    support_quote_state = fields.Selection(
        [
            ("waiting", "Waiting for quote acceptance"),
            ("accepted", "Quote accepted"),
            ("cancelled", "Quote cancelled"),
        ],
        string="Quote",
        compute="_compute_support_quote_state",
        compute_sudo=True,
    )
    # staff's: computed with their rights on plans and channels
    channel_outside_plan = fields.Boolean(
        compute="_compute_channel_outside_plan",
        groups="base.group_user",
        help="The request came on a channel the customer's plan does not include.",
    )
    support_no_plan_rule = fields.Selection(
        [
            ("quote", "Quote before work"),
            ("fixed_fee", "Fixed fee charged"),
            ("refused", "Refused: not a customer"),
        ],
        string="Request without a plan",
        copy=False,
        readonly=True,
        tracking=True,
        help="The company's rule for requests without a plan, applied when "
        "the request arrived; the requester was told by email.",
    )
    support_channel_outcome = fields.Selection(
        selection_add=[("charged", "Channel fee charged")],
        ondelete={"charged": "set null"},
    )
    support_channel_fee = fields.Char(
        string="Fee for a channel outside the plan",
        compute="_compute_support_no_plan_fee",
        compute_sudo=True,
    )
    support_no_plan_fee = fields.Char(
        string="Fee for a request without a plan",
        compute="_compute_support_no_plan_fee",
        compute_sudo=True,
    )
    support_coverage_cost = fields.Char(
        string="Cost",
        compute="_compute_support_coverage_cost",
        compute_sudo=True,
        help="What the customer pays for this request under its coverage rule.",
    )
    support_fixed_fee_charged = fields.Boolean(
        string="Fixed fee charged",
        compute="_compute_support_coverage_cost",
        compute_sudo=True,
    )
    support_exclusion_notified = fields.Boolean(
        string="Customer told it is not covered",
        copy=False,
        readonly=True,
        help="Set when the customer is emailed that the request is excluded, "
        "cleared when it is covered again: one email per exclusion.",
    )

    def init(self):
        # requests already waiting for a quotation's signature when the
        # addon is installed or upgraded pause their waiting clock too
        res = super().init()
        waiting = self.search(
            [
                ("support_quote_id.state", "=", "sent"),
                ("support_waiting_paused", "=", False),
            ]
        )
        waiting.modified(["support_quote_id"])
        waiting.flush_recordset()
        return res

    @api.model_create_multi
    def create(self, vals_list):
        # who may not write the override reason (its groups: support staff)
        # never decides the coverage: a customer, the portal
        if not self._fields["coverage_override_reason"].is_accessible(self.env):
            for vals in vals_list:
                if "coverage" in vals:
                    vals.pop("coverage")
                    vals.pop("coverage_override_reason", None)
        tickets = super().create(vals_list)
        tickets._notify_exclusion_once()
        tickets._apply_no_plan_rule()
        return tickets

    def write(self, vals):
        quotes = {}
        if "sale_order_ids" in vals and not self.env.su:
            quotes = {ticket: ticket.support_quote_id for ticket in self}
        res = super().write(vals)
        self._check_quote_kept(quotes)
        # the values a ticket's coverage follows
        if {"coverage", "category_id", "support_plan_id", "partner_id"} & set(vals):
            self._notify_exclusion_once()
        return res

    @api.model
    def _check_quote_kept(self, quotes):
        """The quotation is the support terms' record: a user's link or unlink
        of sales orders that would change ``{request: quotation}`` is refused."""
        changed = [t for t, quote in quotes.items() if t.support_quote_id != quote]
        if changed:
            raise AccessError(
                _(
                    "%(tickets)s: the quotation of a request is recorded by the "
                    "support terms; linking or unlinking sales orders cannot "
                    "change it.",
                    tickets=", ".join(t.display_name for t in changed),
                )
            )

    def _support_check_write(self, vals):
        if "coverage" in vals:
            self._check_coverage_override(vals)
        if "stage_id" in vals:
            self._check_work_may_start(vals["stage_id"], vals.get("coverage"))
        return super()._support_check_write(vals)

    def _support_system_fields(self):
        return super()._support_system_fields() | {
            "support_coverage_rule_id",
            "support_quote_id",
            "support_exclusion_notified",
            "support_no_plan_rule",
        }

    @api.depends("support_plan_id", "category_id")
    def _compute_support_coverage_rule_id(self):
        # a compute of its own: the form writes the coverage back with a new
        # category, which protects every field of the coverage's compute
        for ticket in self:
            ticket.support_coverage_rule_id = ticket.support_plan_id._coverage_rule(
                ticket.category_id
            )

    @api.depends("support_plan_id", "category_id", "support_coverage_rule_id")
    def _compute_coverage(self):
        for ticket in self:
            ticket.coverage = ticket.support_coverage_rule_id.coverage or WITHOUT_RULE
            ticket.coverage_override_reason = False

    @api.depends("support_credit_move_ids.quantity")
    def _compute_support_credits_charged(self):
        for ticket in self:
            ticket.support_credits_charged = -sum(
                ticket.support_credit_move_ids.mapped("quantity")
            )

    @api.depends("sale_order_ids", "sale_order_ids.state")
    def _compute_support_quote_id(self):
        for ticket in self:
            orders = ticket.sale_order_ids.sorted("id")
            live = orders.filtered(lambda order: order.state != "cancel")
            ticket.support_quote_id = (live or orders)[-1:]

    @api.depends("support_quote_id.state")
    def _compute_support_quote_state(self):
        states = {"sale": "accepted", "cancel": "cancelled"}
        for ticket in self:
            state = ticket.support_quote_id.state
            ticket.support_quote_state = state and states.get(state, "waiting")

    @api.depends("support_quote_id.state")
    def _compute_support_waiting_paused(self):
        """A quotation sent and not yet signed pauses the waiting clock: the
        customer is reading the quote, the request is not left without reply."""
        res = super()._compute_support_waiting_paused()
        for ticket in self.filtered(lambda t: t.support_quote_id.state == "sent"):
            ticket.support_waiting_paused = True
        return res

    @api.depends("channel_id", "support_plan_id.channel_ids")
    def _compute_channel_outside_plan(self):
        for ticket in self:
            plan = ticket.support_plan_id
            ticket.channel_outside_plan = bool(
                plan and not plan._support_allows_channel(ticket.channel_id)
            )

    def _check_coverage_override(self, vals):
        """Support staff assess the coverage no rule gives, a manager
        overrides a rule, and both say why. Writing the coverage the rule
        gives (the form sends it back with a new category) is no override."""
        for ticket in self:
            plan_id = vals.get("support_plan_id", ticket.support_plan_id.id)
            category_id = vals.get("category_id", ticket.category_id.id)
            rule = ticket.support_plan_id.browse(plan_id)._coverage_rule(
                ticket.category_id.browse(category_id)
            )
            if vals["coverage"] == (rule.coverage or WITHOUT_RULE):
                continue
            if rule:
                check_manager(
                    ticket,
                    _(
                        "Only a support terms manager can override the coverage "
                        "the terms give to %(ticket)s; support staff assess "
                        "requests no rule covers.",
                        ticket=ticket.display_name,
                    ),
                )
            else:
                # support staff assess: those who may write the reason
                ticket.check_field_access_rights("write", ["coverage_override_reason"])
            if not (vals.get("coverage_override_reason") or "").strip():
                raise UserError(
                    _(
                        "Say why the coverage of %(ticket)s differs from its "
                        "rule: the reason is kept in its history.",
                        ticket=ticket.display_name,
                    )
                )

    def _notify_exclusion_once(self):
        """Tell the customer once, with the rule's note, that a request is
        not covered (excluded or hints only), whatever write leads there; a
        request covered again may be excluded, and told, again."""
        excluded = self.filtered(lambda t: t.coverage in ("excluded", "hints"))
        covered = (self - excluded).filtered("support_exclusion_notified")
        covered._support_record({"support_exclusion_notified": False})
        newly = excluded.filtered(lambda t: not t.support_exclusion_notified)
        newly._support_record({"support_exclusion_notified": True})
        # mail_template_coverage_excluded or mail_template_coverage_hints
        for coverage, tickets in newly.grouped("coverage").items():
            tickets._send_customer_email(
                f"support_terms_coverage.mail_template_coverage_{coverage}"
            )

    # -- assessment before work ---------------------------------------------------

    def _support_not_ready(self, stage, coverage=None):
        """(not assessed, quote waiting, quote missing): the tickets ``stage``
        would put to work while their coverage (or ``coverage``, written with
        the stage) is to assess on a plan that assesses before work, while
        their quotation waits, or, billed by quote, without an accepted one."""
        if not stage._support_is_work_stage():
            return self.browse(), self.browse(), self.browse()
        moving = self.filtered(lambda t: t.stage_id != stage)
        not_assessed = moving.filtered(
            lambda t: t.support_plan_id.assess_before_work
            and (coverage or t.coverage) == WITHOUT_RULE
        )
        waiting = self.filtered(lambda t: t.support_quote_state == "waiting")
        unquoted = (moving - waiting).filtered(
            lambda t: (
                (t.coverage == "extra" and t.coverage_billing_mode == "quote")
                or t.support_no_plan_rule == "quote"
            )
            and t.support_quote_state != "accepted"
        )
        return not_assessed, waiting, unquoted

    def _check_work_may_start(self, stage_id, coverage=None):
        """Staff decide whether a request is covered or extra before working
        on it, and work does not start before the quote is accepted."""
        stage = self.env["helpdesk.ticket.stage"].browse(stage_id)
        messages = (
            _(
                "%(tickets)s: decide first whether the request is covered "
                "or extra (its coverage is still to assess), then start "
                "the work."
            ),
            _("%(tickets)s: waiting for quote acceptance, the work cannot start yet."),
            _(
                "%(tickets)s: an extra billed by quote, the work starts once "
                "the customer accepts a quotation. Create the quotation first."
            ),
        )
        not_ready = self._support_not_ready(stage, coverage)
        for tickets, message in zip(not_ready, messages, strict=True):
            if tickets:
                names = ", ".join(tickets.mapped("display_name"))
                raise UserError(message % {"tickets": names})

    def _support_may_enter_stage(self, stage):
        """No flow of the addons puts to work a request waiting for its quote
        or for its assessment (a customer's reply leaves it where it is)."""
        return super()._support_may_enter_stage(stage) and not any(
            self._support_not_ready(stage)
        )

    def _support_quote_accepted(self):
        """The customer accepted the quotation: a request before work moves to
        *In progress* if its team uses it, else to the team's first work stage."""
        in_progress = self.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_stage_in_progress", raise_if_not_found=False
        )
        # sudo: the customer signing, or the salesperson confirming, moves the
        # request its quotation belongs to, which they may not write
        for ticket in self.sudo():
            if ticket.stage_id._support_is_work_stage() or ticket.stage_id.closed:
                continue
            stages = ticket.team_id._get_applicable_stages().filtered(
                lambda s: s._support_is_work_stage()
            )
            stage = in_progress if in_progress in stages else stages[:1]
            if not stage:
                continue
            ticket.write({"stage_id": stage.id})
            ticket.message_post(
                body=_(
                    "Quotation %(quote)s accepted: the work starts.",
                    quote=ticket.support_quote_id.name,
                ),
                subtype_xmlid="mail.mt_note",
            )

    def action_create_quote(self):
        """A quotation for this request, for the customer to sign in the portal.
        Support staff decide it: those who may write the request."""
        self.ensure_one()
        self.check_access("write")
        rule = self.support_coverage_rule_id
        no_plan = self.support_no_plan_rule == "quote"
        if not no_plan and (
            self.coverage not in ("extra", "excluded")
            or rule.billing_mode not in (False, "quote")
        ):
            raise UserError(
                _(
                    "Only an extra paid by quote, an excluded request or a "
                    "request without a plan is quoted."
                )
            )
        if self.support_quote_id and self.support_quote_id.state != "cancel":
            raise UserError(_("This request already has a quotation."))
        if not self.partner_id:
            raise UserError(_("Link the request to its customer first."))
        product = (
            self.company_id.support_no_plan_product_id if no_plan else rule.product_id
        )
        line = {"name": f"{self.number}: {self.name}", "product_id": product.id}
        if not product:
            line["display_type"] = "line_note"
        orders = self.env["sale.order"].with_company(self.company_id)
        order = orders.create(
            {
                "partner_id": self.partner_id.id,
                "origin": self.number,
                "require_signature": True,
                "require_payment": False,
                "order_line": [fields.Command.create(line)],
            }
        )
        # the quotation of the request is the support terms' to record (no
        # user links one by hand); staff checked above
        self._support_record({"sale_order_ids": [fields.Command.link(order.id)]})
        # the customer reads and signs it in the portal as a follower
        order.message_subscribe(partner_ids=order.partner_id.ids)
        return order._get_records_action(context={})

    # -- credits and charges ------------------------------------------------------

    def action_charge_credits(self):
        self.ensure_one()
        return self.env["support.credit.charge.wizard"]._get_records_action(
            target="new", context={"default_ticket_id": self.id}
        )

    def _add_charge(self, kind, product, quantity=1.0, name=None):
        """A charge the terms decide, at the product's price; the caller
        checks who decides it. One of each kind per request, except missing
        credits, billed each time credits run short."""
        self.ensure_one()
        if not product:
            raise UserError(
                _(
                    "%(ticket)s: choose the product to bill first (in the plan, "
                    "its coverage rule or the settings).",
                    ticket=self.display_name,
                )
            )
        charged = self.support_charge_ids.mapped("kind")
        if kind != "credit_shortfall" and kind in charged:
            raise UserError(
                _("%(ticket)s is already charged for this.", ticket=self.display_name)
            )
        # sudo: charges are written by the terms, only managers edit them
        charges = self.env["support.ticket.charge"].sudo()
        return charges.create(
            {
                "ticket_id": self.id,
                "kind": kind,
                "product_id": product.id,
                "quantity": quantity,
                "price_unit": product.lst_price,
                "name": name or product.display_name,
            }
        )

    def action_charge_fixed_fee(self):
        self.check_access("write")
        for ticket in self:
            rule = ticket.support_coverage_rule_id
            if ticket.coverage != "extra" or rule.billing_mode != "fixed_fee":
                raise UserError(
                    _(
                        "%(ticket)s is not an extra paid by a fixed fee.",
                        ticket=ticket.display_name,
                    )
                )
            ticket._add_charge("outside_plan", rule.product_id)

    def action_charge_channel(self):
        self.check_access("write")
        for ticket in self:
            if not ticket.channel_outside_plan:
                raise UserError(
                    _(
                        "%(ticket)s came on a channel its plan includes.",
                        ticket=ticket.display_name,
                    )
                )
            ticket._charge_channel_fee()

    def _charge_channel_fee(self):
        self._add_charge(
            "channel",
            self.company_id.support_channel_fee_product_id,
            name=_("Request received by %(channel)s", channel=self.channel_id.name),
        )

    # -- requests without a plan --------------------------------------------------

    def _apply_no_plan_rule(self):
        """Apply the company's rule to the requests that arrive without a plan,
        and tell the requester before any work: a quote first, a fixed fee, or
        a refusal that closes the request of somebody who is no customer.
        Staff's own tickets without a requester are left alone."""
        arrived = self.filtered(
            lambda t: not t.support_plan_id
            and (t.partner_id or t.partner_email)
            and t.company_id.support_no_plan_mode != "paid_support"
        )
        for ticket in arrived:
            mode = ticket.company_id.support_no_plan_mode
            if mode == "refuse":
                if ticket._support_from_non_customer():
                    ticket._support_record({"support_no_plan_rule": "refused"})
                    ticket._support_refuse_and_close(NO_PLAN_TEMPLATES["refused"])
                continue
            # a fixed fee needs a contact to invoice: a requester known only
            # by its email is quoted once staff link its contact
            rule = "fixed_fee" if mode == "fixed_fee" and ticket.partner_id else "quote"
            ticket._support_record({"support_no_plan_rule": rule})
            if rule == "fixed_fee":
                ticket._add_charge(
                    "outside_plan",
                    ticket.company_id.support_no_plan_product_id,
                    name=_(
                        "Request without a support plan: %(ticket)s",
                        ticket=ticket.number,
                    ),
                )
            ticket._send_customer_email(NO_PLAN_TEMPLATES[rule])

    @api.depends(
        "company_id.support_no_plan_product_id",
        "company_id.support_channel_fee_product_id",
        "partner_id.lang",
    )
    def _compute_support_no_plan_fee(self):
        for ticket in self:
            company = ticket.company_id
            ticket.support_no_plan_fee = ticket._support_price(
                company.support_no_plan_product_id
            )
            ticket.support_channel_fee = ticket._support_price(
                company.support_channel_fee_product_id
            )

    @api.depends_context("lang")
    @api.depends(
        "coverage",
        "support_coverage_rule_id.billing_mode",
        "support_coverage_rule_id.credits",
        "support_coverage_rule_id.product_id.lst_price",
        "support_charge_ids.kind",
    )
    def _compute_support_coverage_cost(self):
        for ticket in self:
            rule = ticket.support_coverage_rule_id
            charged = ticket.support_charge_ids.mapped("kind")
            ticket.support_fixed_fee_charged = "outside_plan" in charged
            cost = False
            if ticket.coverage == "included":
                cost = _("included in the plan")
            elif ticket.coverage == "extra" and rule.billing_mode == "credits":
                cost = _("%(credits)s credits", credits=f"{rule.credits:g}")
            elif ticket.coverage == "extra" and rule.billing_mode == "fixed_fee":
                cost = ticket._support_price(rule.product_id, ticket.env.lang)
            elif ticket.coverage == "extra":
                cost = _("on quotation")
            ticket.support_coverage_cost = cost

    def _support_price(self, product, lang=None):
        """The product's price as the customer reads it in an email."""
        if not product:
            return False
        return format_amount(
            self.env,
            product.lst_price,
            self.company_id.currency_id,
            lang_code=lang or self.partner_id.lang,
        )

    def mail_allowed_qweb_expressions(self):
        return super().mail_allowed_qweb_expressions() + (
            "object.support_no_plan_fee",
            "object.support_channel_fee",
        )

    def _support_from_non_customer(self):
        """Whether the requester holds no service in force in the request's
        company on its arrival day."""
        customer = self.partner_id.commercial_partner_id
        if not customer:
            return True
        Line = self.env["contract.line"]
        day = self.company_id._support_date_of(self.create_date)
        return not Line.search_count(
            [
                ("contract_id.commercial_partner_id", "=", customer.id),
                ("company_id", "=", self.company_id.id),
                *Line._support_in_force_domain(day),
            ],
            limit=1,
        )

    def _support_channel_outside_plan(self, plan):
        """The plan charges requests on other channels: the channel fee is
        charged on arrival, and the customer told with the plan's channels."""
        if plan.channel_rule != "charge":
            return super()._support_channel_outside_plan(plan)
        self._charge_channel_fee()
        self._support_record({"support_channel_outcome": "charged"})
        return self._send_customer_email(
            "support_terms_coverage.mail_template_channel_fee"
        )

    def _support_channel_warning(self, plan):
        if plan.channel_rule != "charge":
            return super()._support_channel_warning(plan)
        return _(
            "The plan %(plan)s does not receive requests by %(channel)s: its "
            "channels are %(channels)s. The channel fee %(fee)s is charged to "
            "the customer.",
            plan=plan.display_name,
            channel=self.channel_id.display_name,
            channels=plan._support_channel_names(),
            fee=self._support_price(plan.company_id.support_channel_fee_product_id),
        )

    def _support_refused(self):
        return super()._support_refused() or self.support_no_plan_rule == "refused"
