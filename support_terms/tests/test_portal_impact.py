import re

from odoo.tests import HttpCase, tagged

from .common import SupportTermsCase


@tagged("post_install", "-at_install")
class TestPortalImpact(HttpCase, SupportTermsCase):
    """Seed 004: "Verranno infatti gestite in maniera prioritaria le
    richieste che compromettono la fruibilità totale del servizio offerto."
    The customer chooses the impact in the portal form, which explains each
    choice; a service down comes first."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.helpdesk_mgmt_portal_select_team = False
        cls.company.helpdesk_mgmt_portal_team_id_required = False
        cls.plan_basic.impact_priority = True
        cls._create_contract(cls.customer, cls.product_basic, "2026-01-01")
        cls.portal = cls.env["res.users"].create(
            {
                "name": "Mario Rossi",
                "login": "mario_portal_impact",
                "password": "mario-portal-impact-1",
                "partner_id": cls.contact.id,
                "groups_id": [(6, 0, cls.env.ref("base.group_portal").ids)],
            }
        )

    def _form(self):
        self.authenticate("mario_portal_impact", "mario-portal-impact-1")
        return self.url_open("/new/ticket").text

    def _submit(self, form, subject, impact):
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
        return self.url_open(
            "/submitted/ticket",
            data={
                "csrf_token": csrf,
                "subject": subject,
                "description": "Il sito non risponde.",
                "impact": impact,
            },
        )

    def _tickets(self):
        return self.env["helpdesk.ticket"].search(
            [("partner_id", "=", self.contact.id)]
        )

    def test_the_form_explains_the_impact(self):
        form = self._form()
        self.assertIn('name="impact"', form)
        for value in ("service_down", "degraded", "question"):
            self.assertIn(f'value="{value}"', form)
        self.assertIn("cannot be used at all", form)
        self.assertIn("Requests with the service down are handled first", form)

    def test_a_service_down_from_the_portal_comes_first(self):
        form = self._form()
        response = self._submit(form, "Sito irraggiungibile", "service_down")
        self.assertEqual(response.status_code, 200)
        ticket = self._tickets()
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.impact, "service_down")
        self.assertEqual(ticket.support_plan_id, self.plan_basic)
        self.assertEqual(ticket.priority, "3")
        self.assertFalse(ticket.is_urgent)

    def test_an_impact_outside_the_list_creates_nothing(self):
        form = self._form()
        before = self.env["helpdesk.ticket"].search_count([])
        response = self._submit(form, "Sito irraggiungibile", "catastrophe")
        self.assertEqual(response.status_code, 400)
        self.assertIn("Choose the impact of your request among", response.text)
        self.assertIn("Service down", response.text)
        self.assertEqual(self.env["helpdesk.ticket"].search_count([]), before)

    def test_the_error_is_in_the_customer_language(self):
        self.env["res.lang"]._activate_lang("it_IT")
        self.env["ir.module.module"]._load_module_terms(
            ["support_terms", "support_terms_sla"], ["it_IT"], overwrite=True
        )
        self.portal.lang = "it_IT"
        form = self._form()
        before = self.env["helpdesk.ticket"].search_count([])
        response = self._submit(form, "Sito irraggiungibile", "catastrophe")
        self.assertEqual(response.status_code, 400)
        self.assertIn("Scegliete l&#39;impatto della richiesta tra", response.text)
        self.assertIn("Servizio fermo", response.text)
        self.assertEqual(self.env["helpdesk.ticket"].search_count([]), before)
