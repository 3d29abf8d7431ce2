from odoo import fields, models


class ProductProduct(models.Model):
    _inherit = "product.product"

    support_plan_ids = fields.Many2many(
        "support.plan",
        relation="support_plan_product_rel",
        column1="product_id",
        column2="plan_id",
        string="Support plans granted",
        readonly=True,
        help="The plans a contract line of this product grants, each in its "
        "company.",
    )

    def _support_granted_plan(self, company, granting=None):
        """The plan this product grants in ``company`` (empty if none), from
        ``support.plan._granting_plans`` (``granting``, when a caller looking
        up many products computes it once)."""
        self.ensure_one()
        # sudo: which plan a product grants is read by whoever sells it
        plans = self.env["support.plan"].sudo()
        if granting is None:
            granting = plans._granting_plans(company)
        found = granting.get((company.id, self.id))
        return plans.browse(found and min(found)[1])
