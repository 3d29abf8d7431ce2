from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools.translate import LazyGettext, code_translations

from ..terms_templates import TEMPLATE_SELECTION, TEMPLATES
from ..wizards.support_terms_template_records import TEMPLATE_XMLID_MODULE
from .common import SupportTermsCase

MON_FRI = ["0", "1", "2", "3", "4"]


@tagged("post_install", "-at_install")
class TestTermsTemplates(SupportTermsCase):
    """Each shipped template sets an empty company up as its terms say."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("it_IT")
        cls.empty = cls.env["res.company"].create({"name": "Nuovo Provider Srl"})
        cls.empty.partner_id.lang = "it_IT"

    def _apply(self, template, company=None, **values):
        company = company or self.empty
        wizard = (
            self.env["support.terms.template.apply"]
            .with_company(company)
            .create(dict({"template": template}, **values))
        )
        self.assertEqual(wizard.company_id, company)
        self.assertIn("<li>", wizard.summary_html)
        wizard.action_apply()
        plans = wizard.plan_ids
        self.assertEqual(plans.company_id, company)
        self.assertEqual(company.support_terms_template, template)
        return {plan.code: plan for plan in plans}

    def _hours(self, calendar):
        return sorted(
            (a.dayofweek, a.hour_from, a.hour_to) for a in calendar.attendance_ids
        )

    def _kinds(self, plan):
        return set(plan.channel_ids.mapped("support_kind"))

    def test_every_template_is_tested(self):
        self.assertEqual({key for key, _label in TEMPLATE_SELECTION}, set(TEMPLATES))

    def test_hosting_gold(self):
        plans = self._apply("hosting_gold")
        self.assertEqual(set(plans), {"GOLD"})
        gold = plans["GOLD"]
        # hosting is renewed tacitly, with notice
        self.assertFalse(any(gold.product_ids.mapped("renewal_by_choice")))
        self.assertEqual(gold.resource_calendar_id.tz, "Europe/Rome")
        self.assertEqual(
            self._hours(gold.resource_calendar_id),
            sorted(
                [(d, 9.0, 13.0) for d in MON_FRI] + [(d, 14.0, 18.0) for d in MON_FRI]
            ),
        )
        self.assertEqual(self._kinds(gold), {"portal"})
        self.assertEqual(gold.auto_close_days, 0)
        self.assertFalse(gold.impact_priority)
        self.assertFalse(gold.assess_before_work)
        self.assertEqual(self.empty.support_duplicate_days, 0)
        self.assertEqual(gold.refund_window_hours, 0)
        self.assertEqual(len(gold.product_ids), 1)
        products = self.env["product.product"].search(
            [("company_id", "=", self.empty.id)]
        )
        # hosting, domain, PEC, showcase, banner, the GOLD help desk and the
        # paid technical intervention its quotes offer
        self.assertEqual(len(products), 7)
        # the GOLD terms: yearly from registration, showcases and banners
        # every 31 December
        renewals = {p.service_kind: (p.renewal_policy, p.notice_days) for p in products}
        self.assertEqual(
            renewals,
            {
                "hosting": ("anniversary", 60),
                "domain": ("anniversary", 60),
                "pec": ("anniversary", 60),
                "showcase": ("calendar_year", 60),
                "banner": ("calendar_year", 60),
                "support_plan": ("anniversary", 60),
                "other": (False, 60),
            },
        )
        self.assertEqual(gold.with_context(lang="it_IT").name, "Help Desk GOLD")
        self.assertIn("raccomandata", gold.with_context(lang="it_IT").terms_html)
        self.assertIn("registered letter", gold.with_context(lang="en_US").terms_html)

    def test_web_assistance(self):
        plans = self._apply("web_assistance")
        plan = plans["ASSIST"]
        self.assertEqual(
            self._hours(plan.resource_calendar_id), [(d, 15.0, 18.0) for d in MON_FRI]
        )
        self.assertEqual(plan.take_in_charge_hours, 4.0)
        sla = self._slas(plan).filtered(lambda s: s.urgency == "normal")
        self.assertEqual((sla.hours, sla.minutes), (4, 0))
        self.assertEqual(sla.resource_calendar_id, plan.resource_calendar_id)
        self.assertNotIn("phone", self._kinds(plan))
        self.assertIn("email", self._kinds(plan))
        self.assertFalse(plan.urgent_calendar_id)
        self.assertFalse(plan.impact_priority)
        self.assertFalse(plan.assess_before_work)

    def test_wp_maintenance(self):
        plans = self._apply("wp_maintenance")
        self.assertEqual(set(plans), {"BASIC", "PREMIUM"})
        basic, premium = plans["BASIC"], plans["PREMIUM"]
        mon_sat = ["0", "1", "2", "3", "4", "5"]
        self.assertEqual(
            self._hours(basic.resource_calendar_id),
            sorted(
                [(d, 9.5, 13.0) for d in mon_sat] + [(d, 13.0, 19.5) for d in mon_sat]
            ),
        )
        # urgencies round the clock, Sunday included, for both plans
        urgent_days = set(basic.urgent_calendar_id.attendance_ids.mapped("dayofweek"))
        self.assertIn("6", urgent_days)
        self.assertEqual(premium.urgent_calendar_id, basic.urgent_calendar_id)
        self.assertEqual(basic.urgent_calendar_id.hours_per_day, 24.0)
        self.assertIn(
            "anche la domenica", premium.with_context(lang="it_IT").urgency_terms
        )
        self.assertIn(
            "Sundays included", premium.with_context(lang="en_US").urgency_terms
        )
        self.assertIn("phone", self._kinds(premium))
        self.assertNotIn("phone", self._kinds(basic))
        # "vanno rinnovati di anno in anno (verrai contattato dal nostro staff
        # un mese prima della scadenza)": renewed by the customer's choice
        self.assertTrue(all(basic.product_ids.mapped("renewal_by_choice")))
        self.assertTrue(all(premium.product_ids.mapped("renewal_by_choice")))
        for plan in (basic, premium):
            self.assertEqual(plan.auto_close_days, 7)
            self.assertEqual(plan.duration_days, 365)
            self.assertEqual(plan.refund_window_hours, 24)
            self.assertEqual(plan.renewal_reminder_days, 30)
            self.assertFalse(plan.impact_priority)
            self.assertFalse(plan.assess_before_work)
        self.assertLess(premium.sequence, basic.sequence)
        urgent = self._slas(premium).filtered(lambda s: s.urgency == "urgent")
        self.assertEqual(urgent.resource_calendar_id, premium.urgent_calendar_id)
        self.assertEqual(urgent.hours, 2)

    def test_hosting_credits(self):
        plans = self._apply("hosting_credits")
        self.assertEqual(set(plans), {"HYPER", "HOSTDEV", "HOSTING"})
        self.assertTrue(plans["HYPER"].includes_extraordinary)
        self.assertFalse(plans["HOSTING"].includes_extraordinary)
        self.assertFalse(plans["HOSTDEV"].includes_extraordinary)
        for plan in plans.values():
            self.assertEqual(self._kinds(plan), {"portal"})
            self.assertEqual(plan.auto_close_days, 7)
            self.assertEqual(plan.refund_window_hours, 0)
            self.assertFalse(plan.impact_priority)
            # "prima di intervenire, cerchiamo sempre di stabilire se una
            # richiesta è da considerarsi extra"
            self.assertTrue(plan.assess_before_work)

    def _slas(self, plan):
        return self.env["helpdesk.sla"].search([("support_plan_ids", "in", plan.ids)])

    def test_hosting_priority(self):
        plans = self._apply("hosting_priority")
        plan = plans["CUSTOMER"]
        self.assertAlmostEqual(plan.take_in_charge_hours * 60, 10.0)
        # first answer within 10 minutes in office hours
        first_answer = self._slas(plan).filtered(lambda s: s.urgency == "normal")
        self.assertEqual((first_answer.hours, first_answer.minutes), (0, 10))
        self.assertEqual(first_answer.resource_calendar_id, plan.resource_calendar_id)
        self.assertTrue(first_answer.team_ids.use_sla)
        self.assertEqual(len(plan.product_ids), 2)
        self.assertEqual(self._kinds(plan), {"portal", "email", "phone"})
        # "gestite in maniera prioritaria le richieste che compromettono la
        # fruibilità totale del servizio": the impact sets the priority
        self.assertTrue(plan.impact_priority)
        self.assertFalse(plan.assess_before_work)
        # "non aprire ticket differenti per il medesimo problema"
        self.assertEqual(self.empty.support_duplicate_days, 7)
        # "Possiamo comunque fornirvi eventuali indizi sugli errori": hints
        # only, never a quote, for the customer's own and unsupported code
        rules = {
            rule.category_id.get_external_id()[rule.category_id.id].split(
                "helpdesk_ticket_category_"
            )[1]: (rule.coverage, rule.billing_mode)
            for rule in plan.coverage_rule_ids
        }
        self.assertEqual(
            rules,
            {
                "outage": ("included", False),
                "technical_support": ("included", False),
                "own_code": ("hints", False),
                "unsupported_software": ("hints", False),
                "misuse": ("extra", "fixed_fee"),
                "customer_config_error": ("extra", "fixed_fee"),
            },
        )

    def test_team_and_channels_belong_to_the_company(self):
        plans = self._apply("wp_maintenance")
        channels = plans["PREMIUM"].channel_ids
        self.assertEqual(channels.company_id, self.empty)
        team = self.env["helpdesk.ticket.team"].search(
            [("company_id", "=", self.empty.id)]
        )
        self.assertEqual(len(team), 1)
        self.assertEqual(team.resource_calendar_id, plans["BASIC"].resource_calendar_id)
        self.assertEqual(team.with_context(lang="it_IT").name, "Assistenza WordPress")
        # every request reaches it: the plans' team and the company's
        for plan in plans.values():
            self.assertEqual(plan.team_id, team)
        self.assertEqual(self.empty.support_team_id, team)

    def test_support_hours_close_on_public_holidays(self):
        """Seeds 001 and 002: support "escluse le festività", and the patron
        day chosen in the wizard, this year and next; urgencies answered
        "h24 anche di domenica" keep their hours."""
        plans = self._apply(
            "wp_maintenance", patron_date=date(2026, 7, 15), patron_name="Santa Rosalia"
        )
        year = self.empty._support_today().year
        hours = plans["BASIC"].resource_calendar_id
        self.assertTrue(hours.support_public_holidays)
        self.assertEqual(hours.support_holidays_until, year + 1)
        leaves = self.env["resource.calendar.leaves"].search(
            [("calendar_id", "=", hours.id), ("resource_id", "=", False)]
        )
        for each in (year, year + 1):
            names = [leave.name for leave in leaves if leave.date_to.year == each]
            self.assertIn("Natale", names)
            self.assertIn("Festa della Repubblica", names)
            self.assertIn("Santa Rosalia", names)
        urgent = plans["BASIC"].urgent_calendar_id
        self.assertFalse(urgent.support_public_holidays)
        self.assertFalse(
            self.env["resource.calendar.leaves"].search(
                [("calendar_id", "=", urgent.id)]
            )
        )
        # applied again: no holiday twice
        count = len(leaves)
        self._apply("wp_maintenance")
        self.assertEqual(
            self.env["resource.calendar.leaves"].search_count(
                [("calendar_id", "=", hours.id)]
            ),
            count,
        )

    def test_every_template_closes_on_public_holidays(self):
        for template in TEMPLATES:
            with self.subTest(template=template):
                company = self.env["res.company"].create({"name": f"Ditta {template}"})
                for plan in self._apply(template, company).values():
                    calendar = plan.resource_calendar_id
                    self.assertTrue(calendar.support_public_holidays)
                    self.assertTrue(plan.support_next_holiday_ids)

    def test_applying_twice_duplicates_nothing(self):
        models = [
            "support.plan",
            "product.product",
            "resource.calendar",
            "helpdesk.ticket.channel",
            "helpdesk.ticket.team",
            "helpdesk.sla",
        ]

        def counts():
            return {m: self.env[m].search_count([]) for m in models}

        first = self._apply("wp_maintenance")
        first["BASIC"].auto_close_days = 3
        after_first = counts()
        second = self._apply("wp_maintenance")
        self.assertEqual(counts(), after_first)
        self.assertEqual(first["BASIC"], second["BASIC"])
        self.assertEqual(second["BASIC"].auto_close_days, 7)

    def test_templates_of_two_companies_stay_apart(self):
        plans_empty = self._apply("wp_maintenance")
        plans_main = self._apply("wp_maintenance", self.company)
        self.assertNotEqual(plans_main["BASIC"], plans_empty["BASIC"])
        self.assertEqual(plans_main["BASIC"].company_id, self.company)

    def test_only_managers_apply_templates(self):
        user = self.env["res.users"].create(
            {
                "name": "Agent",
                "login": "agent_tpl",
                "groups_id": [
                    (
                        6,
                        0,
                        [
                            self.env.ref(
                                "support_terms_base.group_support_terms_user"
                            ).id
                        ],
                    )
                ],
            }
        )
        wizard_model = self.env["support.terms.template.apply"]
        with self.assertRaises(UserError):
            wizard_model.with_user(user)._apply_template(
                "wp_maintenance", user.company_id
            )
        with self.assertRaises(UserError):
            wizard_model._apply_template("no_such_template", self.empty)


@tagged("post_install", "-at_install")
class TestTermsTemplateRecords(SupportTermsCase):
    """Templates find their records again by xml id; texts come from the .po."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("it_IT")
        cls.italian = cls.env["res.company"].create({"name": "Provider Italiano Srl"})
        cls.italian.partner_id.lang = "it_IT"
        cls.english = cls.env["res.company"].create({"name": "English Provider Ltd"})
        cls.english.partner_id.lang = "en_US"
        cls.env.user.company_ids |= cls.italian | cls.english

    def _apply(self, template, company):
        self.env["support.terms.template.apply"].with_company(company).create(
            {"template": template}
        ).action_apply()

    def _ref(self, company, name):
        return self.env.ref(f"{TEMPLATE_XMLID_MODULE}.terms_{company.id}_{name}")

    def _records(self, company):
        models = [
            "support.plan",
            "product.product",
            "resource.calendar",
            "helpdesk.ticket.channel",
            "helpdesk.ticket.team",
            "helpdesk.sla",
            "support.coverage.rule",
        ]
        return {
            model: self.env[model]
            .with_context(active_test=False)
            .search(
                [("company_id", "=", company.id)]
                if model != "support.coverage.rule"
                else [("plan_id.company_id", "=", company.id)]
            )
            for model in models
        }

    def test_every_record_a_template_makes_has_an_xml_id(self):
        self._apply("hosting_gold", self.italian)
        made = self._records(self.italian)
        named = self.env["ir.model.data"].search(
            [
                ("module", "=", TEMPLATE_XMLID_MODULE),
                ("name", "=like", f"terms\\_{self.italian.id}\\_%"),
            ]
        )
        self.assertTrue(all(named.mapped("noupdate")))
        # named by no module: uninstalling the application deletes none of them
        self.assertFalse(
            self.env["ir.module.module"].search([("name", "=", TEMPLATE_XMLID_MODULE)])
        )
        # the company's own working hours come with the company
        made["resource.calendar"] -= self.italian.resource_calendar_id
        for model, records in made.items():
            self.assertTrue(records, model)
            self.assertEqual(
                set(records.ids),
                set(named.filtered(lambda d, m=model: d.model == m).mapped("res_id")),
                model,
            )
        plan = self._ref(self.italian, "hosting_gold_plan_gold")
        self.assertEqual(plan.code, "GOLD")
        self.assertEqual(
            self._ref(self.italian, "calendar_office"), plan.resource_calendar_id
        )
        self.assertEqual(
            self._ref(self.italian, "hosting_gold_product_gold"), plan.product_ids
        )

    def test_reapplying_after_staff_renamed_updates_the_same_records(self):
        self._apply("hosting_gold", self.italian)
        before = self._records(self.italian)
        plan = self._ref(self.italian, "hosting_gold_plan_gold")
        team = self._ref(self.italian, "hosting_gold_team")
        calendar = plan.resource_calendar_id
        product = plan.product_ids
        sla = self._ref(self.italian, "hosting_gold_sla_gold_normal")
        plan.with_context(lang="it_IT").name = "Il nostro GOLD"
        plan.with_context(lang="en_US").name = "Our GOLD"
        plan.take_in_charge_hours = 12.0
        team.with_context(lang="it_IT").name = "Assistenza"
        team.with_context(lang="en_US").name = "Support"
        calendar.name = "Orario nostro"
        product.with_context(lang="en_US").name = "Gold desk"
        sla.name = "SLA oro"
        self._apply("hosting_gold", self.italian)
        after = self._records(self.italian)
        self.assertEqual(
            {m: r.ids for m, r in after.items()}, {m: r.ids for m, r in before.items()}
        )
        self.assertEqual(self._ref(self.italian, "hosting_gold_plan_gold"), plan)
        self.assertEqual(plan.take_in_charge_hours, 8.0)
        self.assertEqual(plan.with_context(lang="it_IT").name, "Help Desk GOLD")
        self.assertEqual(plan.with_context(lang="en_US").name, "GOLD Help Desk")
        self.assertEqual(team.with_context(lang="it_IT").name, "Help Desk GOLD")
        self.assertEqual(calendar.name, "Orario d'ufficio (Lun-Ven 9-13, 14-18)")
        self.assertEqual(product.with_context(lang="en_US").name, "GOLD Help Desk")
        self.assertEqual(sla.name, "Presa in carico: Help Desk GOLD")

    def test_records_made_before_xml_ids_are_found_and_named(self):
        """A database whose template was applied before the records had xml
        ids: applying it again finds them as they were found then."""
        self._apply("wp_maintenance", self.italian)
        before = self._records(self.italian)
        self.env["ir.model.data"].search(
            [
                ("module", "=", TEMPLATE_XMLID_MODULE),
                ("name", "=like", f"terms\\_{self.italian.id}\\_%"),
            ]
        ).unlink()
        self._apply("wp_maintenance", self.italian)
        after = self._records(self.italian)
        self.assertEqual(
            {m: r.ids for m, r in after.items()}, {m: r.ids for m, r in before.items()}
        )
        self.assertEqual(
            self._ref(self.italian, "wp_maintenance_plan_basic").code, "BASIC"
        )
        self.assertEqual(
            self._ref(self.italian, "wp_maintenance_team"),
            before["helpdesk.ticket.team"],
        )

    def test_template_texts_are_english_terms_translated_by_the_po(self):
        spec = TEMPLATES["hosting_gold"]
        for text in (spec["team"], spec["plans"][0]["name"], spec["plans"][0]["terms"]):
            self.assertIsInstance(text, LazyGettext)
        italian = code_translations.get_python_translations("support_terms", "it_IT")
        self.assertEqual(italian["GOLD Help Desk"], "Help Desk GOLD")
        self.assertEqual(
            italian["Take in charge: %(plan)s"], "Presa in carico: %(plan)s"
        )

    def test_an_italian_company_gets_italian_names_from_the_po(self):
        self._apply("hosting_gold", self.italian)
        plan = self._ref(self.italian, "hosting_gold_plan_gold")
        # not translated fields: the company's language
        self.assertEqual(
            plan.resource_calendar_id.name, "Orario d'ufficio (Lun-Ven 9-13, 14-18)"
        )
        sla = self._ref(self.italian, "hosting_gold_sla_gold_normal")
        self.assertEqual(sla.name, "Presa in carico: Help Desk GOLD")
        # translated fields: the English source, Italian from the .po
        self.assertEqual(plan.with_context(lang="en_US").name, "GOLD Help Desk")
        self.assertEqual(plan.with_context(lang="it_IT").name, "Help Desk GOLD")
        product = self._ref(self.italian, "hosting_gold_product_pec")
        self.assertEqual(product.with_context(lang="it_IT").name, "Casella PEC")
        self.assertIn(
            "Le urgenze sono gestite per prime",
            plan.with_context(lang="it_IT").urgency_terms,
        )
        rule = plan.coverage_rule_ids.filtered(lambda r: r.note)[:1]
        self.assertIn("preventivo", rule.with_context(lang="it_IT").note)
        wizard = (
            self.env["support.terms.template.apply"]
            .with_company(self.italian)
            .create({"template": "hosting_gold"})
        )
        self.assertIn("Lun-Ven 9-13, 14-18", wizard.summary_html)
        self.assertIn("Area clienti", wizard.summary_html)

    def test_an_english_company_gets_english_names(self):
        self._apply("hosting_gold", self.english)
        plan = self._ref(self.english, "hosting_gold_plan_gold")
        self.assertEqual(
            plan.resource_calendar_id.name, "Office hours (Mon-Fri 9-13, 14-18)"
        )
        sla = self._ref(self.english, "hosting_gold_sla_gold_normal")
        self.assertEqual(sla.name, "Take in charge: GOLD Help Desk")
        self.assertEqual(plan.with_context(lang="en_US").name, "GOLD Help Desk")
        team = self._ref(self.english, "hosting_gold_team")
        self.assertEqual(team.with_context(lang="en_US").name, "GOLD Help Desk")
        # Italian is installed: its users read the plan in Italian
        self.assertEqual(plan.with_context(lang="it_IT").name, "Help Desk GOLD")
        wizard = (
            self.env["support.terms.template.apply"]
            .with_company(self.english)
            .create({"template": "hosting_gold"})
        )
        self.assertIn("Office hours", wizard.summary_html)
        self.assertIn("Customer portal", wizard.summary_html)

    def test_a_translation_of_a_request_kind_is_never_overwritten(self):
        category = self.env.ref(
            "support_terms_coverage.helpdesk_ticket_category_log_analysis"
        )
        category.update_field_translations("name", {"it_IT": "Lettura dei log"})
        self._apply("hosting_credits", self.italian)
        self.assertEqual(category.with_context(lang="it_IT").name, "Lettura dei log")
        self.assertEqual(category.with_context(lang="en_US").name, "Log analysis")

    def test_demo_records_keep_their_names(self):
        """The demo applies its template with the prefix demo_tpl."""
        team = self.env.ref("support_terms.demo_tpl_team", raise_if_not_found=False)
        if team is None:
            self.skipTest("demo data not loaded")
        hyper = self.env.ref("support_terms.demo_tpl_plan_hyper")
        self.assertEqual(hyper.code, "HYPER")
        self.assertEqual(
            self.env.ref("support_terms.demo_tpl_product_credits").support_credits, 10
        )
        # applying the template again (no prefix) finds the demo's records
        company = hyper.company_id
        before = self._records(company)
        self._apply("hosting_credits", company)
        self.assertEqual(self._ref(company, "hosting_credits_plan_hyper"), hyper)
        self.assertEqual(self._ref(company, "hosting_credits_team"), team)
        self.assertEqual(
            {m: r.ids for m, r in self._records(company).items()},
            {m: r.ids for m, r in before.items()},
        )
