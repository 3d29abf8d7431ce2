from odoo.tests import HttpCase, tagged

from .common import SupportTermsCase


@tagged("post_install", "-at_install")
class TestRemainingClausesShownToCustomers(HttpCase, SupportTermsCase):
    """The terms a customer reads (the plan's terms, in the portal's "My
    support") carry the clauses of the seeds that no rule enforces:

    - seed 004: "non si intende a carico di Speedweb l'obbligo di salvataggio
      dei dati memorizzati dal Cliente, il quale deve [...] prendere tutte le
      misure necessarie per la salvaguardia dei propri dati";
    - seed 004: "Il servizio può essere sospeso senza alcun preavviso" for
      spamming, illegal material, intrusions, an authority's order;
    - seed 002: "le richieste di intervento per verificare le attività errate
      svolte dai nostri clienti [...] non sono coperte", "problematiche anche
      gravi di cui non siamo responsabili"."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("it_IT")
        cls.env["ir.module.module"]._load_module_terms(
            ["support_terms"], ["it_IT"], overwrite=True
        )

    def _apply(self, template):
        company = self.env["res.company"].create({"name": f"Provider {template}"})
        wizard = self.env["support.terms.template.apply"].with_company(company)
        return company, wizard._apply_template(template, company)

    def _terms(self, plan, lang):
        return plan.with_context(lang=lang).terms_html

    def test_hosting_priority_terms(self):
        _company, plans = self._apply("hosting_priority")
        italian = self._terms(plans, "it_IT")
        self.assertIn(
            "il salvataggio dei dati che memorizzate è a vostro carico", italian
        )
        self.assertIn("sospeso senza alcun preavviso", italian)
        self.assertIn("spamming", italian)
        english = self._terms(plans, "en_US")
        self.assertIn("keeping the data you store is up to you", english)
        self.assertIn("suspended without notice", english)

    def test_wp_maintenance_terms(self):
        _company, plans = self._apply("wp_maintenance")
        for plan in plans:
            italian = self._terms(plan, "it_IT")
            self.assertIn("contattateci per un parere tecnico", italian)
            self.assertIn("non siamo responsabili", italian)
            self.assertIn("modifiche o attività errate del cliente", italian)

    def test_the_customer_reads_them_in_the_portal(self):
        company, plans = self._apply("hosting_priority")
        customer = self.env["res.partner"].create(
            {"name": "Verdi Snc", "is_company": True, "lang": "it_IT"}
        )
        contact = self.env["res.partner"].create(
            {
                "name": "Luigi Verdi",
                "parent_id": customer.id,
                "email": "luigi@verdi.example",
                "lang": "it_IT",
            }
        )
        self._create_contract(
            customer, plans.product_ids[:1], "2026-01-01", company=company
        )
        self.env["res.users"].create(
            {
                "name": "Luigi Verdi",
                "login": "luigi_terms",
                "password": "luigi-terms-1",
                "partner_id": contact.id,
                "company_id": company.id,
                "company_ids": [(6, 0, company.ids)],
                "groups_id": [(6, 0, self.env.ref("base.group_portal").ids)],
            }
        )
        self.assertEqual(contact.with_company(company).support_plan_id, plans)
        self.authenticate("luigi_terms", "luigi-terms-1")
        page = self.url_open("/my/support").text
        self.assertIn("sospeso senza alcun preavviso", page)
        self.assertIn("è a vostro carico", page)
