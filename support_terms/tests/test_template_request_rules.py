from odoo.tests import tagged

from .common import SupportTermsCase


@tagged("post_install", "-at_install")
class TestTemplateRequestRules(SupportTermsCase):
    """Applying each terms template to an empty company gives exactly its
    terms' rules for requests: the channels of each plan and what a request
    on another channel gets, and what a request without a plan gets."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.empty = cls.env["res.company"].create({"name": "Provider Vuoto Srl"})

    def _apply(self, template):
        self.env["support.terms.template.apply"].with_company(
            self.empty
        )._apply_template(template, self.empty)
        return self.empty

    def _channel_rules(self):
        """``{plan code: (channel kinds, rule for other channels)}``."""
        plans = self.env["support.plan"].search([("company_id", "=", self.empty.id)])
        return {
            plan.code: (set(plan.channel_ids.mapped("support_kind")), plan.channel_rule)
            for plan in plans
        }

    def test_hosting_gold(self):
        """Seed 000: "Gestione Internet fornisce supporto ai propri clienti
        GOLD": the terms say nothing of others, staff decide."""
        company = self._apply("hosting_gold")
        # "attraverso un comodo Help Desk online. Per usufruire di tale
        # supporto è necessario possedere username e password"
        self.assertEqual(self._channel_rules(), {"GOLD": ({"portal"}, "refuse")})
        self.assertEqual(company.support_no_plan_mode, "paid_support")

    def test_web_assistance(self):
        """Seed 001: "In assenza di un contratto di Assistenza Tecnica annuale,
        le richieste di intervento saranno gestite secondo le modalità,
        tempistiche e tariffe del servizio di supporto al cliente": a quote
        before the work."""
        company = self._apply("web_assistance")
        # "via email [...] ovvero attraverso la sezione CONTATTI del sito web.
        # Non possono essere prese in considerazione richieste telefoniche."
        self.assertEqual(
            self._channel_rules(), {"ASSIST": ({"email", "portal"}, "refuse")}
        )
        self.assertEqual(company.support_no_plan_mode, "quote")

    def test_wp_maintenance(self):
        """Seed 002: "via mail o chat (per tutte le richieste di assistenza).
        Il contatto telefonico [...] è esclusivamente dedicato agli utenti del
        PIANO DI MANUTENZIONE PREMIUM"; without a plan, staff decide."""
        company = self._apply("wp_maintenance")
        self.assertEqual(
            self._channel_rules(),
            {
                "PREMIUM": ({"email", "chat", "phone"}, "refuse"),
                "BASIC": ({"email", "chat"}, "refuse"),
            },
        )
        self.assertEqual(company.support_no_plan_mode, "paid_support")

    def test_hosting_credits(self):
        """Seed 003: "Ci impegniamo a rispondere entro 7 giorni (per i Clienti
        che hanno uno dei nostri piani hosting)": others as paid support."""
        company = self._apply("hosting_credits")
        # "unicamente attraverso il sistema dei ticket [...] non viene fornita
        # assistenza tecnica via telefonica"
        self.assertEqual(
            self._channel_rules(),
            {code: ({"portal"}, "refuse") for code in ("HYPER", "HOSTDEV", "HOSTING")},
        )
        self.assertEqual(company.support_no_plan_mode, "paid_support")

    def test_hosting_priority(self):
        """Seed 004: "Forniamo assistenza sistemistica ed applicativa solo ai
        nostri clienti": non-customers are refused."""
        wizard = (
            self.env["support.terms.template.apply"]
            .with_company(self.empty)
            .create({"template": "hosting_priority"})
        )
        line = wizard.change_ids.filtered(
            lambda c: c.field_name == "support_no_plan_mode"
        )
        self.assertEqual(
            (line.current_value, line.new_value, line.apply),
            ("Paid support, staff decide", "Customers only: refuse the others", True),
        )
        company = self._apply("hosting_priority")
        # tickets in the area clienti advised, "Puoi inviarci una mail",
        # "Se desideri puoi anche contattarci al numero"
        self.assertEqual(
            self._channel_rules(),
            {"CUSTOMER": ({"portal", "email", "phone"}, "accept")},
        )
        self.assertEqual(company.support_no_plan_mode, "refuse")
