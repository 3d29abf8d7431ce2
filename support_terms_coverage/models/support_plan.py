from odoo import fields, models


class SupportPlan(models.Model):
    """What a plan covers."""

    _inherit = "support.plan"

    includes_extraordinary = fields.Boolean(
        string="Covers extraordinary work",
        help="Only some plans cover extraordinary interventions; the others "
        "bill them as extras.",
    )
    assess_before_work = fields.Boolean(
        string="Assess before work",
        help="Before any work, staff decide whether a request is covered or "
        "extra: a request whose coverage is to assess cannot enter a work "
        "stage.",
    )
    coverage_rule_ids = fields.One2many(
        comodel_name="support.coverage.rule",
        inverse_name="plan_id",
        string="Coverage",
        help="What the plan covers, what is extra and how it is paid, what is "
        "excluded, per kind of request.",
    )
