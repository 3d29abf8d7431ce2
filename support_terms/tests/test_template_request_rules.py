from odoo.tests import tagged

from .common import SupportTermsCase


@tagged("post_install", "-at_install")
class TestTemplateRequestRules(SupportTermsCase):
    """Applying each terms template to an empty company gives exactly its
    terms' rules for requests: what a request without a plan gets."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.empty = cls.env["res.company"].create({"name": "Provider Vuoto Srl"})

    def _apply(self, template):
        self.env["support.terms.template.apply"].with_company(
            self.empty
        )._apply_template(template, self.empty)
        return self.empty

    def test_hosting_gold(self):
        """Seed 000: "Gestione Internet fornisce supporto ai propri clienti
        GOLD": the terms say nothing of others, staff decide."""
        company = self._apply("hosting_gold")
        self.assertEqual(company.support_no_plan_mode, "paid_support")

    def test_web_assistance(self):
        """Seed 001: "In assenza di un contratto di Assistenza Tecnica annuale,
        le richieste di intervento saranno gestite secondo le modalità,
        tempistiche e tariffe del servizio di supporto al cliente": a quote
        before the work."""
        company = self._apply("web_assistance")
        self.assertEqual(company.support_no_plan_mode, "quote")

    def test_wp_maintenance(self):
        """Seed 002 speaks only of its BASIC and PREMIUM plans: staff decide."""
        company = self._apply("wp_maintenance")
        self.assertEqual(company.support_no_plan_mode, "paid_support")

    def test_hosting_credits(self):
        """Seed 003: "Ci impegniamo a rispondere entro 7 giorni (per i Clienti
        che hanno uno dei nostri piani hosting)": others as paid support."""
        company = self._apply("hosting_credits")
        self.assertEqual(company.support_no_plan_mode, "paid_support")

    def test_hosting_priority(self):
        """Seed 004: "Forniamo assistenza sistemistica ed applicativa solo ai
        nostri clienti": non-customers are refused."""
        wizard = (
            self.env["support.terms.template.apply"]
            .with_company(self.empty)
            .create({"template": "hosting_priority"})
        )
        self.assertIn(
            "Requests without a plan: Customers only: refuse the others",
            wizard.summary_html,
        )
        company = self._apply("hosting_priority")
        self.assertEqual(company.support_no_plan_mode, "refuse")
