from odoo.exceptions import UserError
from odoo.tests import Form, new_test_user, tagged

from .common import SupportTermsCase


@tagged("post_install", "-at_install")
class TestTemplateApplyWizard(SupportTermsCase):
    """The issue: "the wizard shows, before applying and in the user's
    language, every company setting it will change (from, to), and a summary
    after"; it "overwrites company policy silently (grace days 5 to 0, notices
    judged on receipt to sent)" no more."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("it_IT")
        cls.env["ir.module.module"]._load_module_terms(
            [
                "resource",
                "product",
                "helpdesk_mgmt",
                "helpdesk_mgmt_sla",
                "support_terms_plan",
                "support_terms_sla",
                "support_terms_coverage",
                "support_terms_renewal",
                "support_terms_suspension",
                "support_terms",
            ],
            ["it_IT"],
        )
        cls.provider = cls.env["res.company"].create({"name": "Provider Toscano Srl"})
        cls.provider.partner_id.lang = "it_IT"
        # the company's own policy, chosen before the template
        cls.provider.write(
            {"support_overdue_grace_days": 5, "support_notice_judged_on": "received"}
        )
        cls.manager = new_test_user(
            cls.env,
            login="tpl_manager_it",
            groups="base.group_user,support_terms_base.group_support_terms_manager",
            company_id=cls.provider.id,
            company_ids=[cls.provider.id],
            lang="it_IT",
        )

    def _form(self, template="hosting_gold"):
        # the web client sends the user's language in the context
        form = Form(
            self.env["support.terms.template.apply"]
            .with_user(self.manager)
            .with_context(lang=self.manager.lang)
            .with_company(self.provider)
        )
        form.template = template
        return form

    def _line(self, form, setting):
        for i in range(len(form.change_ids)):
            with form.change_ids.edit(i) as line:
                if line.name == setting:
                    return i
        raise AssertionError(f"no line {setting}")

    def _values(self, form):
        values = {}
        for i in range(len(form.change_ids)):
            with form.change_ids.edit(i) as line:
                values[line.name] = (line.current_value, line.new_value, line.apply)
        return values

    def test_preview_lists_every_setting_changed_from_and_to_in_italian(self):
        form = self._form()
        values = self._values(form)
        # the company's own choices, kept unless ticked
        self.assertEqual(
            values["Giorni di tolleranza prima della sospensione"], ("5", "0", False)
        )
        self.assertEqual(
            values["Termine di disdetta valutato su"],
            (
                "Il giorno in cui è stata ricevuta",
                "Il giorno in cui è stata inviata",
                False,
            ),
        )
        # settings the company never set: the template's value, shown
        self.assertEqual(values["Sospendi i clienti morosi"], ("No", "Sì", True))
        self.assertEqual(
            values["Prodotto del costo di riattivazione"][0::2], ("Nessuno", True)
        )
        self.assertEqual(
            values["Team di assistenza"], ("Nessuno", "Help Desk GOLD", True)
        )
        # nothing the template leaves as it is
        self.assertNotIn("Duplicati entro (giorni)", values)

    def test_applying_keeps_the_company_policy_left_unticked(self):
        form = self._form()
        wizard = form.save()
        wizard.action_apply()
        self.assertEqual(self.provider.support_overdue_grace_days, 5)
        self.assertEqual(self.provider.support_notice_judged_on, "received")
        self.assertTrue(self.provider.support_overdue_suspension)
        self.assertEqual(wizard.state, "done")
        result = wizard.result_html
        self.assertIn("Impostazioni dell'azienda mantenute", result)
        self.assertIn(
            "Giorni di tolleranza prima della sospensione: 5 mantenuto "
            "(il modello dice 0)",
            result,
        )
        self.assertIn("Sospendi i clienti morosi: da No a Sì", result)

    def test_ticked_settings_change_and_the_summary_says_from_and_to(self):
        form = self._form()
        with form.change_ids.edit(
            self._line(form, "Giorni di tolleranza prima della sospensione")
        ) as line:
            line.apply = True
        wizard = form.save()
        wizard.action_apply()
        self.assertEqual(self.provider.support_overdue_grace_days, 0)
        self.assertEqual(self.provider.support_notice_judged_on, "received")
        self.assertIn(
            "Giorni di tolleranza prima della sospensione: da 5 a 0",
            wizard.result_html,
        )

    def test_the_summary_lists_what_was_created_with_italian_names(self):
        wizard = self._form().save()
        wizard.action_apply()
        result = wizard.result_html
        self.assertIn("Creati", result)
        self.assertIn("Help Desk GOLD", result)
        self.assertIn("Presa in carico: Help Desk GOLD", result)
        self.assertIn("Orario d'ufficio (Lun-Ven 9-13, 14-18)", result)
        self.assertEqual(wizard.plan_ids.code, "GOLD")
        action = wizard.action_open_plans()
        self.assertEqual(
            self.env["support.plan"].search(action["domain"]), wizard.plan_ids
        )
        # applied again: nothing created, everything updated, nothing changed
        again = self._form().save()
        self.assertFalse(
            again.change_ids.filtered("apply"),
            "settings already set by the template are no change",
        )
        again.action_apply()
        self.assertNotIn("Creati", again.result_html)
        self.assertIn("Aggiornati", again.result_html)

    def test_an_italian_company_gets_italian_names_without_codes(self):
        """Applied by the Italian manager on an Italian company."""
        wizard = self._form().save()
        wizard.action_apply()
        plan = wizard.plan_ids
        calendar = plan.resource_calendar_id
        self.assertEqual(calendar.name, "Orario d'ufficio (Lun-Ven 9-13, 14-18)")
        self.assertIn("Lunedì 09:00-13:00", calendar.attendance_ids.mapped("name"))
        slas = self.env["helpdesk.sla"].search([("company_id", "=", self.provider.id)])
        self.assertEqual(
            sorted(slas.mapped("name")),
            [
                "Presa in carico urgente: Help Desk GOLD",
                "Presa in carico: Help Desk GOLD",
            ],
        )
        products = self.env["product.product"].search(
            [("company_id", "=", self.provider.id)]
        )
        italian = products.with_context(lang="it_IT")
        self.assertIn("Casella PEC", italian.mapped("display_name"))
        # no internal reference before the name
        self.assertFalse([n for n in italian.mapped("display_name") if "[" in n])
        team = plan.team_id.with_context(lang="it_IT")
        self.assertEqual(team.name, "Help Desk GOLD")

    def test_products_made_with_an_internal_code_lose_it_when_applied_again(self):
        """Products made before carried "ST-<TEMPLATE>-<KEY>" before their
        name; applying the template again finds them and drops it."""
        wizard = self._form().save()
        wizard.action_apply()
        # the database as an earlier version left it
        product = wizard.plan_ids.product_ids.with_env(self.env)
        product.default_code = "ST-HOSTING_GOLD-GOLD"
        self.env["ir.model.data"].search(
            [("model", "=", "product.product"), ("res_id", "=", product.id)]
        ).unlink()
        self._form().save().action_apply()
        self.assertEqual(wizard.plan_ids.product_ids, product)
        self.assertFalse(product.default_code)
        self.assertEqual(
            product.with_context(lang="it_IT").display_name, "Help Desk GOLD"
        )

    def test_a_manager_applies_what_he_may_not_create_himself_in_his_company_only(
        self,
    ):
        """A support manager sets his company up with products and support
        hours he may not create one by one; a manager of another company may
        not set this one up, and nothing is created."""
        products = self.env["product.product"].with_user(self.manager)
        self.assertFalse(products.has_access("create"))
        wizard = self._form().save()
        wizard.action_apply()
        self.assertEqual(wizard.plan_ids.company_id, self.provider)
        self.assertEqual(self.provider.support_terms_template, "hosting_gold")

        other = self.env["res.company"].create({"name": "Altro Provider Srl"})
        stranger = new_test_user(
            self.env,
            login="tpl_manager_other",
            groups="base.group_user,support_terms_base.group_support_terms_manager",
            company_id=other.id,
            company_ids=[other.id],
        )
        plans = self.env["support.plan"].with_context(active_test=False)
        before = plans.search_count([])
        with self.assertRaisesRegex(UserError, "do not work in"):
            self.env["support.terms.template.apply"].with_user(
                stranger
            )._apply_template("web_assistance", self.provider)
        self.assertEqual(plans.search_count([]), before)
        self.assertEqual(self.provider.support_terms_template, "hosting_gold")
