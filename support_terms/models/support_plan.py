from collections import defaultdict
from datetime import timedelta

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

from ..rules import plan as plan_rules


class SupportPlan(models.Model):
    """What a customer's contract entitles it to when it asks for support.

    A plan is granted by contract lines: a customer holds the plan of its
    in-progress lines whose product is one of the plan's products.
    """

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
        comodel_name="res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    sequence = fields.Integer(
        default=10,
        help="When a customer's contract lines grant several plans, the first "
        "one in this order is in force.",
    )
    active = fields.Boolean(default=True)
    product_ids = fields.Many2many(
        comodel_name="product.product",
        relation="support_plan_product_rel",
        column1="plan_id",
        column2="product_id",
        string="Granting products",
        check_company=True,
        help="A contract line with one of these products grants this plan "
        "while it is in progress.",
    )
    resource_calendar_id = fields.Many2one(
        comodel_name="resource.calendar",
        string="Support hours",
        required=True,
        check_company=True,
        tracking=True,
        help="When requests are handled, with the public holidays and the "
        "time zone of this calendar (e.g. Mon-Fri 15:00-18:00, Europe/Rome).",
    )
    urgent_calendar_id = fields.Many2one(
        comodel_name="resource.calendar",
        string="Urgent hours",
        check_company=True,
        tracking=True,
        help="When urgent requests are handled (e.g. every day 00:00-24:00). "
        "Empty: urgent requests are handled first, in the support hours.",
    )
    channel_ids = fields.Many2many(
        comodel_name="helpdesk.ticket.channel",
        relation="support_plan_channel_rel",
        column1="plan_id",
        column2="channel_id",
        string="Allowed channels",
        check_company=True,
    )
    take_in_charge_hours = fields.Float(
        string="Take-in-charge target",
        tracking=True,
        help="Working hours of the support calendar within which a request "
        "is taken in charge. 0: no promise.",
    )
    urgent_take_in_charge_hours = fields.Float(
        string="Urgent take-in-charge target",
        tracking=True,
        help="Working hours of the urgent calendar within which an urgent "
        "request is taken in charge. 0: no promise.",
    )
    auto_close_days = fields.Integer(
        string="Auto-close after (days)",
        default=7,
        tracking=True,
        help="Days without a reply from the customer after which a ticket "
        "waiting for it is closed. 0: never.",
    )
    auto_close_warning_days = fields.Integer(
        string="Warn before closing (days)",
        default=2,
        help="Days before the automatic closing at which the customer is warned.",
    )
    urgency_fee_product_id = fields.Many2one(
        comodel_name="product.product",
        string="Unjustified urgency fee",
        check_company=True,
        help="Billed when staff review an urgency handled with priority as "
        "unjustified.",
    )
    urgency_terms = fields.Text(
        translate=True,
        help="What the customer reads beside the Urgent choice of the portal "
        "form: when urgencies are handled and what an unjustified one costs.",
    )
    includes_extraordinary = fields.Boolean(
        string="Covers extraordinary work",
        help="Only some plans cover extraordinary interventions; the others "
        "bill them as extras.",
    )
    duration_days = fields.Integer(
        string="Duration (days)",
        default=365,
        help="How long a purchased plan lasts.",
    )
    refund_window_hours = fields.Integer(
        string="Refund window (hours)",
        help="A plan cancelled within these hours from its purchase is refunded "
        "in full. 0: never refunded.",
    )
    renewal_reminder_days = fields.Integer(
        string="Renewal reminder (days)",
        default=30,
        help="Days before the end of the plan (or the last day to cancel it) at "
        "which the customer is reminded.",
    )
    terms_html = fields.Html(
        string="Terms",
        translate=True,
        sanitize_style=True,
        help="The plan's terms as shown to the customer.",
    )
    ticket_ids = fields.One2many(
        comodel_name="helpdesk.ticket",
        inverse_name="support_plan_id",
        groups="support_terms.group_support_terms_user",
    )
    ticket_count = fields.Integer(
        compute="_compute_ticket_count",
        groups="support_terms.group_support_terms_user",
    )
    coverage_rule_ids = fields.One2many(
        comodel_name="support.coverage.rule",
        inverse_name="plan_id",
        string="Coverage",
        help="What the plan covers, what is extra and how it is paid, what is "
        "excluded, per kind of request.",
    )
    customer_ids = fields.Many2many(
        comodel_name="res.partner",
        string="Customers in force",
        compute="_compute_customer_ids",
        search="_search_customer_ids",
        groups="support_terms.group_support_terms_user",
        help="Customers for which this plan is the one in force today.",
    )

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "A plan code must be unique in its company.",
        ),
    ]

    def _problem_messages(self):
        return {
            "take_in_charge_negative": _(
                "The take-in-charge target cannot be negative."
            ),
            "take_in_charge_absurd": _(
                "A take-in-charge target of more than %(max)s working hours is "
                "not a target.",
                max=plan_rules.MAX_TARGET_HOURS,
            ),
            "urgent_take_in_charge_negative": _(
                "The urgent take-in-charge target cannot be negative."
            ),
            "urgent_take_in_charge_absurd": _(
                "An urgent take-in-charge target of more than %(max)s working "
                "hours is not a target.",
                max=plan_rules.MAX_TARGET_HOURS,
            ),
            "auto_close_negative": _(
                "The auto-close and warning days cannot be negative."
            ),
            "auto_close_warning_too_long": _(
                "The customer must be warned fewer days before the automatic "
                "closing than the closing delay itself."
            ),
            "duration_not_positive": _("A plan must last at least one day."),
            "refund_window_negative": _("The refund window cannot be negative."),
            "refund_window_too_long": _(
                "The refund window cannot be longer than the plan's duration."
            ),
            "renewal_reminder_negative": _(
                "The renewal reminder days cannot be negative."
            ),
            "renewal_reminder_too_long": _(
                "The renewal reminder must come within the plan's duration."
            ),
        }

    @api.constrains(
        "take_in_charge_hours",
        "urgent_take_in_charge_hours",
        "auto_close_days",
        "auto_close_warning_days",
        "duration_days",
        "refund_window_hours",
        "renewal_reminder_days",
    )
    def _check_numbers(self):
        messages = self._problem_messages()
        for plan in self:
            problems = plan_rules.plan_problems(
                plan.take_in_charge_hours,
                plan.urgent_take_in_charge_hours,
                plan.auto_close_days,
                plan.auto_close_warning_days,
                plan.duration_days,
                plan.refund_window_hours,
                plan.renewal_reminder_days,
            )
            if problems:
                raise ValidationError(
                    _(
                        "Plan %(plan)s: %(problem)s",
                        plan=plan.name,
                        problem=messages[problems[0]],
                    )
                )

    @api.constrains("resource_calendar_id", "urgent_calendar_id")
    def _check_calendars(self):
        for plan in self:
            for calendar in plan.resource_calendar_id | plan.urgent_calendar_id:
                if not calendar._support_has_working_hours():
                    raise ValidationError(
                        _(
                            "Plan %(plan)s: the calendar %(calendar)s has no "
                            "working hours, so no deadline can be computed on it.",
                            plan=plan.name,
                            calendar=calendar.name,
                        )
                    )

    def _compute_ticket_count(self):
        counts = dict(
            self.env["helpdesk.ticket"]._read_group(
                [("support_plan_id", "in", self.ids)],
                ["support_plan_id"],
                ["__count"],
            )
        )
        for plan in self:
            plan.ticket_count = counts.get(plan, 0)

    def _compute_customer_ids(self):
        today = fields.Date.context_today(self)
        in_force = self._plans_in_force_by_partner(self.company_id, today, self)
        for plan in self:
            plan.customer_ids = [
                partner_id
                for (partner_id, _company_id), plan_id in in_force.items()
                if plan_id == plan.id
            ]

    def _search_customer_ids(self, operator, value):
        """Plans in force for the given customers, today.

        Used by the portal record rule, so it is evaluated at query time and
        follows the contracts as they change.
        """
        if operator not in ("in", "=", "child_of"):
            raise ValidationError(_("Unsupported search on customers in force."))
        if not self.env.su and not self.env.user.has_group(
            "support_terms.group_support_terms_user"
        ):
            # record rules search as superuser; anyone else would learn which
            # plan other customers hold
            raise AccessError(_("Only support staff can search plans by customer."))
        ids = value if isinstance(value, list | tuple) else [value]
        partners = self.env["res.partner"].sudo().browse(ids).commercial_partner_id
        in_force = self.sudo()._plans_in_force_by_partner(
            self.env["res.company"].sudo().search([]),
            fields.Date.context_today(self),
            partners=partners,
        )
        return [("id", "in", list(set(in_force.values())))]

    @api.model
    def _plans_in_force_by_partner(self, companies, on_date, plans=None, partners=None):
        """The plan in force for each (commercial partner, company).

        Two queries whatever the number of partners: the candidate plans, then
        the contract lines in force (``contract.line._support_in_force_domain``)
        carrying one of their products.
        """
        plan_model = self.sudo().with_context(active_test=True)
        if plans is None or any(not p.active for p in plans):
            plans = plan_model.search([("company_id", "in", companies.ids)])
        else:
            plans = plans.sudo()
        granting = defaultdict(list)  # (company, product) -> [(seq, plan id)]
        for plan in plans:
            for product in plan.product_ids:
                granting[(plan.company_id.id, product.id)].append(
                    (plan.sequence, plan.id)
                )
        if not granting:
            return {}
        lines = self.env["contract.line"].sudo()
        domain = [
            ("product_id", "in", list({product for _c, product in granting})),
            ("contract_id.company_id", "in", list({c for c, _p in granting})),
            *lines._support_in_force_domain(on_date),
        ]
        if partners is not None:
            domain.append(
                ("contract_id.commercial_partner_id", "in", partners.ids),
            )
        rows = lines.search_fetch(domain, ["product_id", "contract_id"])
        candidates = defaultdict(list)
        for line in rows:
            contract = line.contract_id
            key = (contract.commercial_partner_id.id, contract.company_id.id)
            candidates[key].extend(
                granting.get((contract.company_id.id, line.product_id.id), [])
            )
        return {
            key: plan_rules.first_plan(found)
            for key, found in candidates.items()
            if found
        }

    def _in_hours(self, calendar, moment):
        """Whether ``moment`` (naive UTC) falls in ``calendar``'s working hours.

        Public holidays (the calendar's global leaves) are not working hours.
        """
        if not calendar:
            return False
        start = pytz.utc.localize(moment)
        intervals = calendar._work_intervals_batch(
            start, start + timedelta(minutes=1), compute_leaves=True
        )[False]
        return bool(list(intervals))

    def _next_working_time(self, calendar, moment):
        """When ``calendar``'s hours next begin, from ``moment`` (naive UTC)."""
        return calendar.plan_hours(0.01, moment, compute_leaves=True) - timedelta(
            hours=0.01
        )

    def action_view_tickets(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "helpdesk_mgmt.helpdesk_ticket_action"
        )
        action["domain"] = [("support_plan_id", "=", self.id)]
        action["context"] = {"default_support_plan_id": self.id}
        return action
