from odoo import fields, models


class SupportPlan(models.Model):
    """What a plan covers."""

    _inherit = "support.plan"

    includes_extraordinary = fields.Boolean(
        string="Covers extraordinary work",
        help="Only some plans cover extraordinary interventions; the others "
        "bill them as extras.",
    )
    coverage_rule_ids = fields.One2many(
        comodel_name="support.coverage.rule",
        inverse_name="plan_id",
        string="Coverage",
        help="What the plan covers, what is extra and how it is paid, what is "
        "excluded, per kind of request.",
    )
