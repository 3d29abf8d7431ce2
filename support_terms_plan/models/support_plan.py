from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

from odoo.addons.support_terms_base.tools import USER_GROUP, company_days


class SupportPlan(models.Model):
    """What a customer's contract entitles it to when it asks for support:
    the plan of its lines in force whose product is one of the plan's."""

    _name = "support.plan"
    _description = "Support Plan"
    _inherit = ["mail.thread"]
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True, tracking=True)
    code = fields.Char(
        required=True,
        tracking=True,
        help="Short technical reference, unique in the company (e.g. GOLD).",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    sequence = fields.Integer(
        default=10,
        help="When a customer's contract lines grant several plans, the first "
        "one in this order is in force.",
    )
    active = fields.Boolean(default=True)
    product_ids = fields.Many2many(
        "product.product",
        relation="support_plan_product_rel",
        column1="plan_id",
        column2="product_id",
        string="Granting products",
        check_company=True,
        help="A contract line with one of these products grants this plan "
        "while it is in progress.",
    )
    channel_ids = fields.Many2many(
        "helpdesk.ticket.channel",
        relation="support_plan_channel_rel",
        column1="plan_id",
        column2="channel_id",
        string="Allowed channels",
        check_company=True,
        help="The ways the plan's customers may send requests. Empty: any.",
    )
    channel_rule = fields.Selection(
        [("accept", "Accept and flag"), ("refuse", "Refuse with an explanation")],
        string="Requests on other channels",
        default="accept",
        required=True,
        tracking=True,
        help="What a request gets when it arrives on a channel the plan does "
        "not include: accepted and flagged for staff; or refused, the email "
        "closed with an explanation of the plan's channels, a phone call "
        "logged by staff or a portal request not saved.",
    )
    team_id = fields.Many2one(
        "helpdesk.ticket.team",
        check_company=True,
        help="The team of the plan's requests, whatever way they arrive. "
        "Empty: the company's support team.",
    )
    terms_html = fields.Html(
        string="Terms",
        translate=True,
        sanitize_style=True,
        help="The plan's terms as shown to the customer.",
    )
    ticket_count = fields.Integer(
        compute="_compute_ticket_count",
        groups="support_terms_base.group_support_terms_user",
    )
    customer_ids = fields.Many2many(
        "res.partner",
        string="Customers in force",
        compute="_compute_customer_ids",
        search="_search_customer_ids",
        groups="support_terms_base.group_support_terms_user",
        help="Customers for which this plan is the one in force today.",
    )

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "A plan code must be unique in its company.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        plans = super().create(vals_list)
        plans._mark_granting_products()
        return plans

    def write(self, vals):
        res = super().write(vals)
        if "product_ids" in vals:
            self._mark_granting_products()
        return res

    def _support_allows_channel(self, channel):
        """Whether the plan receives requests on ``channel``: one of its
        channels, or a channel of the same kind (each company may have its
        own email channel). A plan naming no channel receives them all.
        Read with the caller's rights: staff read plans and channels, the
        portal's controllers pass the customer's plan in sudo."""
        self.ensure_one()
        if not channel or not self.channel_ids:
            return True
        return channel in self.channel_ids or (
            bool(channel.support_kind)
            and channel.support_kind in self.channel_ids.mapped("support_kind")
        )

    def _support_channel_names(self):
        return ", ".join(self.channel_ids.mapped("name"))

    def _mark_granting_products(self):
        # a product granting a plan is a support plan, as the customer's
        # services show it; sudo: a plan manager may have no product rights
        self.sudo().product_ids.product_tmpl_id.filtered(
            lambda template: template.service_kind != "support_plan"
        ).write({"service_kind": "support_plan"})

    def _compute_ticket_count(self):
        groups = self.env["helpdesk.ticket"]._read_group(
            [("support_plan_id", "in", self.ids)], ["support_plan_id"], ["__count"]
        )
        counts = dict(groups)
        for plan in self:
            plan.ticket_count = counts.get(plan, 0)

    def _compute_customer_ids(self):
        in_force = {}
        for company in self.company_id:
            today = company._support_today()
            in_force.update(self._plans_in_force_by_partner(company, today, self))
        for plan in self:
            plan.customer_ids = [
                partner_id
                for (partner_id, _company_id), plan_id in in_force.items()
                if plan_id == plan.id
            ]

    def _search_customer_ids(self, operator, value):
        """Plans in force for the given customers today (the portal record
        rule: evaluated at query time, it follows the contracts)."""
        if operator not in ("in", "=", "child_of"):
            raise ValidationError(_("Unsupported search on customers in force."))
        if not self.env.su and not self.env.user.has_group(USER_GROUP):
            # record rules search as superuser; anyone else would learn which
            # plan other customers hold
            raise AccessError(_("Only support staff can search plans by customer."))
        ids = value if isinstance(value, list | tuple) else [value]
        # checked above: the answer covers every company's contracts
        plans = self.sudo()
        partners = plans.env["res.partner"].browse(ids).commercial_partner_id
        plan_ids = set()
        # each company's plans are in force on that company's day
        for companies, today in company_days(plans.env):
            in_force = plans._plans_in_force_by_partner(
                companies, today, partners=partners
            )
            plan_ids.update(in_force.values())
        return [("id", "in", list(plan_ids))]

    @api.model
    def _plans_in_force_by_partner(self, companies, on_date, plans=None, partners=None):
        """``{(commercial partner id, company id): plan id}`` in force on
        ``on_date``, in two queries: the granting plans, the lines in force."""
        granting = self._granting_plans(companies, plans)
        if not granting:
            return {}
        # sudo: whoever asks for the plan in force may not read contracts
        lines = self.env["contract.line"].sudo()
        domain = [
            ("product_id", "in", list({product for _c, product in granting})),
            ("contract_id.company_id", "in", list({c for c, _p in granting})),
            *lines._support_in_force_domain(on_date),
        ]
        if partners is not None:
            domain.append(("contract_id.commercial_partner_id", "in", partners.ids))
        candidates = defaultdict(list)
        for line in lines.search_fetch(domain, ["product_id", "contract_id"]):
            company_id = line.contract_id.company_id.id
            key = (line.contract_id.commercial_partner_id.id, company_id)
            candidates[key] += granting.get((company_id, line.product_id.id), [])
        # the lowest sequence, then the plan created first
        return {key: min(found)[1] for key, found in candidates.items() if found}

    @api.model
    def _granting_plans(self, companies, plans=None):
        """``{(company id, product id): [(sequence, plan id)]}``: the active
        plans of ``companies`` (or of ``plans``) each product grants; the
        first (lowest sequence, then oldest) is the plan it grants."""
        # sudo: the plan in force is the same whoever asks for it
        plan_model = self.sudo().with_context(active_test=True)
        if plans is None or any(not p.active for p in plans):
            plans = plan_model.search([("company_id", "in", companies.ids)])
        else:
            plans = plan_model.browse(plans.ids)
        granting = defaultdict(list)
        for plan in plans.filtered(lambda p: p.company_id in companies):
            for product in plan.product_ids:
                granting[plan.company_id.id, product.id] += [(plan.sequence, plan.id)]
        return granting

    def action_view_tickets(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "helpdesk_mgmt.helpdesk_ticket_action"
        )
        action["domain"] = [("support_plan_id", "=", self.id)]
        action["context"] = {"default_support_plan_id": self.id}
        return action
