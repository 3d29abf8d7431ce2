from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_amount

COVERAGE_SELECTION = [
    ("included", "Included"),
    ("extra", "Extra"),
    ("excluded", "Excluded"),
    ("hints", "Hints only"),
]
BILLING_SELECTION = [
    ("credits", "Prepaid credits"),
    ("quote", "Quote"),
    ("fixed_fee", "Fixed fee"),
]


class SupportCoverageRule(models.Model):
    """What a plan says of one kind of request: covered, extra, excluded or
    answered with hints only (pointers to the errors, no intervention).

    Tickets read their coverage from the rule of their plan and category when
    they arrive or change category; extras say how they are paid.
    """

    _name = "support.coverage.rule"
    _description = "Support coverage rule"
    _order = "plan_id, sequence, id"
    _check_company_auto = True

    # not required at database level, so that a missing plan or category is
    # refused by the constraint below with a clear message
    plan_id = fields.Many2one(
        "support.plan", index=True, ondelete="cascade", check_company=True
    )
    category_id = fields.Many2one(
        "helpdesk.ticket.category",
        string="Kind of request",
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    company_id = fields.Many2one(
        related="plan_id.company_id", store=True, index=True, precompute=True
    )
    sequence = fields.Integer(related="category_id.sequence", store=True)
    coverage = fields.Selection(COVERAGE_SELECTION, required=True, default="included")
    billing_mode = fields.Selection(
        BILLING_SELECTION,
        help="How an extra is paid: prepaid credits, a quote accepted before "
        "the work, or a fixed fee. An excluded request may go on as paid work "
        "by quote.",
    )
    credits = fields.Float(digits=(16, 2))
    product_id = fields.Many2one(
        "product.product",
        check_company=True,
        help="What the quote offers or the fixed fee bills.",
    )
    note = fields.Text(
        translate=True,
        help="Shown to the customer on the request: why it is covered or not and "
        "how it is paid.",
    )

    _sql_constraints = [
        (
            "plan_category_unique",
            "UNIQUE(plan_id, category_id)",
            "A plan has one coverage rule per kind of request.",
        ),
    ]

    @api.depends("plan_id", "category_id")
    def _compute_display_name(self):
        for rule in self:
            names = (rule.plan_id.display_name, rule.category_id.display_name)
            rule.display_name = " / ".join(name for name in names if name)

    @api.constrains(
        "plan_id", "category_id", "coverage", "billing_mode", "credits", "product_id"
    )
    def _check_rule(self):
        """An extra says how it is paid; an excluded request only goes on as
        paid work by quote; an included one is not billed."""
        for rule in self:
            if not rule.plan_id or not rule.category_id:
                raise ValidationError(
                    _("A coverage rule needs a plan and a kind of request.")
                )
            coverage, mode = rule.coverage, rule.billing_mode
            problems = []
            if coverage == "extra" and not mode:
                problems.append(
                    _("say how an extra is paid: credits, quote or fixed fee")
                )
            if coverage == "included" and mode:
                problems.append(_("an included request is not billed"))
            if coverage == "hints" and mode:
                problems.append(
                    _("a request answered with hints only is neither billed nor quoted")
                )
            if coverage == "excluded" and mode not in (False, "quote"):
                problems.append(
                    _("an excluded request can only go on as paid work by quote")
                )
            if mode == "credits" and rule.credits <= 0:
                problems.append(_("give a positive number of credits"))
            if mode in ("quote", "fixed_fee") and not rule.product_id:
                problems.append(
                    _("choose the product that the quote offers or the fee bills")
                )
            if problems:
                raise ValidationError(
                    _(
                        "Coverage rule %(rule)s: %(problems)s.",
                        rule=rule.display_name,
                        problems="; ".join(problems),
                    )
                )

    def _support_cost_text(self, partner):
        """What a request of this rule's kind costs ``partner``, as the portal
        says it before the request is sent and on its page; no rule: staff
        assess it first ("prima di intervenire, cerchiamo sempre di stabilire
        se una richiesta è da considerarsi extra")."""
        # sudo: the price of the fee's product, which the portal does not read
        rule = self[:1].sudo()
        if not rule:
            return _(
                "We assess it before starting: we tell you whether it is covered "
                "or extra, and what it costs."
            )
        if rule.coverage == "included":
            return _("Included in your plan.")
        if rule.coverage == "hints":
            return _(
                "Not covered by your plan: we point you to the errors, without "
                "intervening."
            )
        if rule.coverage == "excluded":
            if rule.billing_mode == "quote":
                return _(
                    "Not covered by your plan: we can do it as paid work, on a "
                    "quote you accept first."
                )
            return _("Not covered by your plan.")
        if rule.billing_mode == "credits":
            balance = partner.with_company(rule.company_id).support_credit_balance
            # formatted outside the calls: the extraction of terms reads them
            cost, left = f"{rule.credits:g}", f"{balance:g}"
            if rule.credits == 1:
                text = _("Costs 1 credit; you have %(balance)s.", balance=left)
            else:
                text = _(
                    "Costs %(credits)s credits; you have %(balance)s.",
                    credits=cost,
                    balance=left,
                )
            if balance < rule.credits:
                text += " " + _("Your credits are not enough: buy a credit pack.")
            return text
        if rule.billing_mode == "fixed_fee":
            amount = format_amount(
                self.env, rule.product_id.lst_price, rule.company_id.currency_id
            )
            return _("Extra: costs %(amount)s + VAT.", amount=amount)
        return _("Extra, on a quote: we send you the price to accept before we start.")
