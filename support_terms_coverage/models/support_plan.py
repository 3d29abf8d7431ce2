from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class SupportPlan(models.Model):
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
        "support.coverage.rule",
        "plan_id",
        string="Coverage",
        help="What the plan covers, what is extra and how it is paid, what is "
        "excluded, per kind of request.",
    )
    channel_rule = fields.Selection(
        selection_add=[("charge", "Charge the channel fee")],
        ondelete={"charge": "set default"},
    )

    def _coverage_rule(self, category):
        """The plan's coverage rule for ``category`` (none without either)."""
        if not category:
            # most requests come by email, without a kind: nothing to read
            return self.env["support.coverage.rule"]
        return self.coverage_rule_ids.filtered(
            lambda rule: rule.category_id == category
        )

    @api.constrains("channel_rule", "company_id")
    def _check_channel_fee(self):
        for plan in self.filtered(lambda p: p.channel_rule == "charge"):
            if not plan.company_id.support_channel_fee_product_id:
                raise ValidationError(
                    _(
                        "%(plan)s charges requests on other channels: choose the "
                        "fee for a channel outside the plan in the settings first.",
                        plan=plan.display_name,
                    )
                )
