from collections import Counter, defaultdict
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.osv import expression

from odoo.addons.support_terms_base.tools import (
    check_manager,
    company_day_domain,
    company_days,
    run_due_batch,
)

from ..rules import renewal as renewal_rules
from .contract_contract import RENEWAL_NOTES
from .product_template import RENEWAL_POLICIES

# where the batched renewal keeps the plan duration of each product
PLAN_DAYS = "support_terms_renewal.plan_days"


class ContractLine(models.Model):
    """With a renewal policy, ``termination_notice_date`` (``notice_deadline``)
    is the end minus the notice days and the next period follows the policy,
    not OCA's renewal interval."""

    _inherit = "contract.line"

    is_auto_renew = fields.Boolean(
        compute="_compute_is_auto_renew",
        store=True,
        readonly=False,
        precompute=True,
        default=None,  # the product's renewal policy decides
    )
    renewal_policy = fields.Selection(
        RENEWAL_POLICIES,
        compute="_compute_renewal_terms",
        store=True,
        readonly=False,
        precompute=True,
        help="Every year from the start date, or every 31 December. Empty: "
        "OCA contract's own renewal interval and notice.",
    )
    renewal_by_choice = fields.Boolean(
        "Renewed by the customer's choice",
        compute="_compute_renewal_terms",
        store=True,
        readonly=False,
        precompute=True,
        help="Not renewed tacitly: offered to the customer before its end, "
        "renewed when the customer confirms the renewal quotation.",
    )
    renewal_offer_ids = fields.One2many(
        "support.renewal.offer", "contract_line_id", "Renewal offers", readonly=True
    )
    renewal_offer_date = fields.Date(
        "Renewal offered on",
        compute="_compute_renewal_offer_date",
        store=True,
        index=True,
    )
    notice_days = fields.Integer(
        "Notice (days)",
        compute="_compute_renewal_terms",
        store=True,
        readonly=False,
        precompute=True,
        help="A cancellation must be received at least these days before the "
        "end of the period.",
    )
    # searched by the renewal and the reminders
    termination_notice_date = fields.Date("Renewal day", index=True)
    notice_deadline = fields.Date(
        "Last day to cancel",
        related="termination_notice_date",
        help="The last day to cancel: a cancellation received later does not "
        "stop the next renewal, which is due.",
    )
    previous_period_end = fields.Date(
        readonly=True,
        copy=False,
        help="End of the period before the current one, set when the line was "
        "renewed: a cancellation received up to that day was for that period.",
    )
    purchase_datetime = fields.Datetime(
        "Purchased on",
        copy=False,
        help="When the customer bought the service; a support plan cancelled "
        "within its refund window from this moment is refunded in full.",
    )
    renewal_reminder_days = fields.Integer(
        "Reminder (days)",
        compute="_compute_renewal_reminder_days",
        store=True,
        readonly=False,
        help="Days before the last day to cancel (and, for support plans, "
        "before the end) at which the customer is reminded.",
    )
    renewal_reminder_date = fields.Date(
        compute="_compute_renewal_reminder_date", store=True, index=True
    )
    renewal_reminder_ids = fields.One2many(
        "support.renewal.reminder", "contract_line_id", "Reminders sent", readonly=True
    )
    cancellation_notice_ids = fields.Many2many(
        "support.cancellation.notice",
        relation="support_cancellation_notice_contract_line_rel",
        column1="contract_line_id",
        column2="notice_id",
        string="Cancellation notices",
        readonly=True,
    )
    next_renewal_date = fields.Date(compute="_compute_next_renewal_date")
    notice_days_left = fields.Integer(
        "Days left to cancel", compute="_compute_next_renewal_date"
    )

    @api.model_create_multi
    def create(self, vals_list):
        # set on creation only: lines that existed before the addon have no
        # purchase moment, hence no refund window
        now = fields.Datetime.now()
        vals_list = [dict({"purchase_datetime": now}, **vals) for vals in vals_list]
        for vals in vals_list:
            product = self.env["product.product"].browse(vals.get("product_id"))
            if product.renewal_by_choice:
                # renewed by the customer's choice, whatever the caller says
                vals["is_auto_renew"] = False
            if (
                product.renewal_policy
                and vals.get("date_start")
                and not vals.get("date_end")
                and not vals.get("display_type")
            ):
                contract = self.env["contract.contract"].browse(vals.get("contract_id"))
                vals["date_end"] = renewal_rules.period_end(
                    fields.Date.to_date(vals["date_start"]),
                    product.renewal_policy,
                    vals.get("notice_days", product.notice_days),
                    self._plan_duration_days(
                        product, contract.company_id or self.env.company
                    ),
                )
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("service_state") == "terminated":
            # a service the provider ended is not renewed tacitly any more
            vals = dict(vals, is_auto_renew=False)
        return super().write(vals)

    @api.model
    def _plan_duration_days(self, product, company):
        """Days a support plan granted by ``product`` lasts, else 0."""
        return 0

    @api.depends("product_id")
    def _compute_renewal_terms(self):
        for line in self:
            template = line.product_id.product_tmpl_id
            line.renewal_policy = template.renewal_policy
            line.renewal_by_choice = template.renewal_by_choice
            line.notice_days = (
                template.notice_days if template.renewal_policy else line.notice_days
            )

    @api.depends("product_id")
    def _compute_is_auto_renew(self):
        """A product's renewal policy makes its lines renew tacitly, however
        they are created; staff may untick it."""
        for line in self:
            template = line.product_id.product_tmpl_id
            ended = line.is_canceled or line.service_state == "terminated"
            if template.renewal_by_choice:
                line.is_auto_renew = False
            elif template.renewal_policy and not ended:
                line.is_auto_renew = True
            else:
                line.is_auto_renew = bool(line.is_auto_renew)

    @api.depends("product_id", "company_id")
    def _compute_renewal_reminder_days(self):
        for line in self:
            line.renewal_reminder_days = line.company_id.support_renewal_reminder_days

    @api.depends("renewal_policy", "notice_days")
    def _compute_termination_notice_date(self):
        res = super()._compute_termination_notice_date()
        for line in self.filtered("renewal_policy"):
            line.termination_notice_date = renewal_rules.notice_deadline(
                line.date_end, line.notice_days
            )
        return res

    @api.depends(
        "date_end",
        "notice_deadline",
        "previous_period_end",
        "renewal_reminder_days",
        "is_auto_renew",
        "is_canceled",
        "service_state",
        "renewal_reminder_ids",
        "successor_contract_line_id",
        "predecessor_contract_line_id.renewal_reminder_ids",
        "renewal_by_choice",
    )
    def _compute_renewal_reminder_date(self):
        remind_end = self._reminded_before_end()
        for line in self:
            line.renewal_reminder_date = min(
                line._renewal_reminders_owed(line in remind_end).values(), default=False
            )

    @api.depends(
        "renewal_by_choice",
        "date_end",
        "renewal_reminder_days",
        "is_canceled",
        "service_state",
        "successor_contract_line_id",
        "renewal_offer_ids.period_end",
    )
    def _compute_renewal_offer_date(self):
        """The reminder days before the end, once per period."""
        for line in self:
            line.renewal_offer_date = (
                line.renewal_by_choice
                and line.date_end not in line.renewal_offer_ids.mapped("period_end")
                and not line._announces_nothing()
                and line.date_end - timedelta(days=line.renewal_reminder_days)
            )

    def _announces_nothing(self):
        """Neither reminder nor renewal offer: the line ends no period of its
        own, or its company sends no reminders (reminder days 0)."""
        self.ensure_one()
        return (
            self.is_canceled
            or not self.date_end
            or self.display_type
            or self.service_state == "terminated"
            or self.successor_contract_line_id
            or self.renewal_reminder_days <= 0
        )

    def _support_account_manager(self):
        """Who contacts the customer about the renewal."""
        self.ensure_one()
        partner = self.contract_id.partner_id
        return (
            partner.user_id
            or partner.commercial_partner_id.user_id
            or self._support_account_manager_fallback()
            or self.contract_id.user_id
        )

    def _support_account_manager_fallback(self):
        return self.env["res.users"]

    def _reminded_before_end(self):
        """The lines whose customer is also told before the end of each
        period: the support plans say it."""
        return self.browse()

    def _renewal_reminders_owed(self, remind_end):
        """{(kind, end of the period it announces): day} of the reminders
        owed and not sent yet; before the end (support plans), also for the
        period a renewal has just replaced, whose end is still to come."""
        self.ensure_one()
        if (
            self._announces_nothing()
            or self.service_state == "waiting_payment"
            # its renewal offer is its reminder
            or self.renewal_by_choice
        ):
            return {}
        days = self.renewal_reminder_days
        deadline = self.notice_deadline if self.is_auto_renew else None
        owed = {
            (kind, self.date_end): day
            for kind, day in renewal_rules.reminder_dates(
                self.date_end, deadline, days, remind_end
            ).items()
        }
        previous = self.previous_period_end
        if previous and remind_end:
            day = renewal_rules.reminder_dates(
                previous,
                renewal_rules.notice_deadline(previous, self.notice_days),
                days,
                remind_end,
            ).get("end")
            if day:
                owed[("end", previous)] = day
        for reminder in (self | self.predecessor_contract_line_id).renewal_reminder_ids:
            owed.pop((reminder.kind, reminder.period_end), None)
        return owed

    def _reminder_target_day(self, kind, period_end):
        """The day a reminder announces: past it, it is not worth an email."""
        self.ensure_one()
        return self.notice_deadline if kind == "notice" else period_end

    @api.depends("date_end", "is_auto_renew", "notice_deadline")
    def _compute_next_renewal_date(self):
        for line in self:
            renews = line.is_auto_renew and line.date_end
            line.next_renewal_date = renews and line.date_end + timedelta(days=1)
            line.notice_days_left = (
                renews
                and renewal_rules.days_left(
                    line.notice_deadline, line.company_id._support_today()
                )
                or 0
            )

    @api.constrains("notice_days", "renewal_policy", "date_end")
    def _check_renewal_terms(self):
        for line in self:
            if line.notice_days < 0:
                raise ValidationError(
                    self.env._(
                        "Contract line %(line)s: the notice days cannot be negative.",
                        line=line.name,
                    )
                )
            if line.renewal_policy and not line.date_end and not line.display_type:
                raise ValidationError(
                    self.env._(
                        "Contract line %(line)s renews by its policy: give it an "
                        "end date (the end of its first period).",
                        line=line.name,
                    )
                )

    @api.onchange("date_start", "renewal_policy")
    def _onchange_renewal_policy(self):
        for line in self.filtered(lambda line: line.renewal_policy and line.date_start):
            line.date_end = renewal_rules.period_end(
                line.date_start,
                line.renewal_policy,
                line.notice_days,
                line._plan_duration_days(line.product_id, line.company_id),
            )

    @api.onchange(
        "date_start", "is_auto_renew", "auto_renew_rule_type", "auto_renew_interval"
    )
    def _onchange_is_auto_renew(self):
        """OCA gives an auto-renewing line a year from its start: a line
        renewing by its policy gets the end of the policy's first period."""
        by_policy = self.filtered("renewal_policy")
        res = super(ContractLine, self - by_policy)._onchange_is_auto_renew()
        by_policy._onchange_renewal_policy()
        return res

    def _get_renewal_new_date_end(self):
        if not self.renewal_policy:
            return super()._get_renewal_new_date_end()
        key = (self.product_id.id, self.company_id.id)
        days = self.env.cr.precommit.data.get(PLAN_DAYS, {}).get(key)
        if days is None:
            days = self._plan_duration_days(self.product_id, self.company_id)
        return renewal_rules.next_period(self.date_end, self.renewal_policy, days)[1]

    @api.model
    def _contract_line_to_renew_domain(self):
        """A line with a renewal policy renews the day after its last day to
        cancel, on its company's day; one waiting for its first payment
        never started."""
        by_day = []
        for companies, today in company_days(self.env):
            # OCA's own lines renew on the company's day too
            oca = super(
                ContractLine, self.with_context(tz=companies[:1].support_tz)
            )._contract_line_to_renew_domain()
            renewing = [
                ("is_auto_renew", "=", True),
                ("is_canceled", "=", False),
                ("renewal_policy", "!=", False),
                ("termination_notice_date", "<", today),
            ]
            by_day.append(
                [("company_id", "in", companies.ids)]
                + expression.OR([oca + [("renewal_policy", "=", False)], renewing])
            )
        return expression.OR(by_day) + [("service_state", "!=", "waiting_payment")]

    def renew(self):
        ends = {line.id: line.date_end for line in self}
        new_lines = super().renew()
        for line in new_lines:
            # extended, or a successor (which keeps the purchase moment: OCA
            # copies every field to it)
            old = line if line.id in ends else line.predecessor_contract_line_id
            line.previous_period_end = ends[old.id]
        return new_lines

    def _prepare_value_for_plan_successor(self, *args, **kwargs):
        """The reminders, offers and notices stay on the line and period they
        were about; OCA copies every other field to the successor."""
        values = super()._prepare_value_for_plan_successor(*args, **kwargs)
        for name in (
            "renewal_reminder_ids",
            "renewal_offer_ids",
            "cancellation_notice_ids",
        ):
            values.pop(name, None)
        return values

    @api.model
    def cron_renew_contract_line(self):
        """Renew the lines whose last day to cancel passed, then send the
        reminders and renewal offers due, in batches: each step moves its
        lines out of its own search, so a restarted run does nothing twice."""
        # public in OCA: callable over RPC by any user, not only by the cron
        check_manager(
            self,
            _("Only a support terms manager can run the renewal of services."),
            model_rights=False,
        )

        reminding = [("company_id.support_renewal_reminders", "=", True)]
        return run_due_batch(
            self,
            "support_terms.renewal_batch_size",
            500,
            "id",
            [
                (
                    self._contract_line_to_renew_domain(),
                    lambda lines: lines._renew_due(),
                ),
                (
                    company_day_domain(self.env, "renewal_reminder_date", "<=")
                    + [("is_canceled", "=", False), *reminding],
                    self.env["support.renewal.reminder"]._send_due,
                ),
                (
                    company_day_domain(self.env, "renewal_offer_date", "<=")
                    + reminding,
                    self.env["support.renewal.offer"]._offer,
                ),
                (
                    company_day_domain(self.env, "date_end", "<")
                    + [("renewal_offer_ids.state", "=", "offered")],
                    lambda lines: lines.renewal_offer_ids.filtered(
                        lambda o: o.state == "offered"
                        and o.period_end < o.company_id._support_today()
                    )._lapse(),
                ),
            ],
        )

    def _renew_due(self):
        """OCA's renewal, its chatter notes logged together and the plan
        durations looked up once: per line, they were most of its time."""
        data = self.env.cr.precommit.data
        data[RENEWAL_NOTES] = []
        data[PLAN_DAYS] = {
            (product.id, company.id): self._plan_duration_days(product, company)
            for product, company in {
                (line.product_id, line.company_id) for line in self
            }
        }
        try:
            self.with_context(support_renewal_batch=True).renew()
        finally:
            notes = data.pop(RENEWAL_NOTES, [])
            data.pop(PLAN_DAYS, None)
        # one note per item, in as many batches as a contract has notes
        rounds = defaultdict(dict)
        logged = Counter()
        for contract_id, body in notes:
            rounds[logged[contract_id]][contract_id] = body
            logged[contract_id] += 1
        for bodies in rounds.values():
            contracts = self.env["contract.contract"].browse(list(bodies))
            contracts._message_log_batch(bodies)

    def _current_line(self):
        """The line in force for this service, after renewals by successor."""
        self.ensure_one()
        line = self
        while line.successor_contract_line_id:
            line = line.successor_contract_line_id
        return line

    def _refund_window_hours(self):
        """Hours from the purchase within which a cancellation is refunded in
        full (0: never): the support plans say it."""
        self.ensure_one()
        return 0

    def _noticed_period(self, judged):
        """(last day to cancel, renewed since, end) of the period in progress
        on day ``judged``: the one before a renewal made since, if any."""
        line = self._current_line()
        previous = line.previous_period_end
        if previous and judged <= previous:
            return (
                renewal_rules.notice_deadline(previous, line.notice_days),
                True,
                previous,
            )
        return line.notice_deadline, False, line.date_end
