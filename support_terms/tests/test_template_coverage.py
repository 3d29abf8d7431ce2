from odoo.tests import tagged

from .common_coverage import CoverageCase


@tagged("post_install", "-at_install")
class TestTemplateCoverage(CoverageCase):
    def test_credits_template_rules_from_its_terms(self):
        company = self.env["res.company"].create({"name": "Hosting Crediti Srl"})
        self.env.user.company_ids |= company
        wizard = self.env["support.terms.template.apply"].with_company(company)
        plans = wizard._apply_template("hosting_credits", company)
        hosting = plans.filtered(lambda p: p.code == "HOSTING")
        hyper = plans.filtered(lambda p: p.code == "HYPER")
        by_kind = {r.category_id: r for r in hosting.coverage_rule_ids}
        self.assertEqual(by_kind[self.cat_logs].coverage, "extra")
        self.assertEqual(by_kind[self.cat_logs].billing_mode, "credits")
        self.assertEqual(by_kind[self.cat_outage].coverage, "included")
        self.assertEqual(set(hyper.coverage_rule_ids.mapped("coverage")), {"included"})
        note = by_kind[self.cat_logs].with_context(lang="it_IT").note
        self.assertIn("crediti", note)
        self.assertEqual(
            self.cat_logs.with_context(lang="it_IT").name, "Analisi dei log"
        )
        pack = self.env["product.product"].search(
            [("company_id", "=", company.id), ("support_credit_pack", "=", True)]
        )
        self.assertEqual(len(pack), 1)
        self.assertEqual(pack.support_credits, 10)
        # applied twice: the same rules, updated
        count = len(hosting.coverage_rule_ids)
        wizard._apply_template("hosting_credits", company)
        hosting.invalidate_recordset()
        self.assertEqual(len(hosting.coverage_rule_ids), count)

    def test_every_template_applies(self):
        company = self.env["res.company"].create({"name": "Tutti i modelli Srl"})
        self.env.user.company_ids |= company
        wizard = self.env["support.terms.template.apply"].with_company(company)
        for template in (
            "hosting_gold",
            "web_assistance",
            "wp_maintenance",
            "hosting_priority",
        ):
            plans = wizard._apply_template(template, company)
            self.assertTrue(plans.coverage_rule_ids, template)
        priority = self.env["support.plan"].search(
            [("code", "=", "CUSTOMER"), ("company_id", "=", company.id)]
        )
        # "Possiamo comunque fornirvi eventuali indizi sugli errori": the
        # customer's own code and unsupported software get hints only
        hinted = priority.coverage_rule_ids.filtered(lambda r: r.coverage == "hints")
        self.assertFalse(hinted.filtered("billing_mode"))
        self.assertEqual(
            set(hinted.category_id.ids),
            {
                self.cat_own_code.id,
                self.env.ref(
                    "support_terms_coverage.helpdesk_ticket_category_unsupported_software"
                ).id,
            },
        )
