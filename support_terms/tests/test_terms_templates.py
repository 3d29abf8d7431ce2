from odoo.exceptions import UserError
from odoo.tests import tagged

from ..rules.terms_templates import TEMPLATE_SELECTION, TEMPLATES
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

    def _apply(self, template, company=None):
        company = company or self.empty
        wizard = (
            self.env["support.terms.template.apply"]
            .with_company(company)
            .create({"template": template})
        )
        self.assertEqual(wizard.company_id, company)
        self.assertIn("<li>", wizard.summary_html)
        action = wizard.action_apply()
        plans = self.env["support.plan"].search(action["domain"])
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
        self.assertEqual(gold.resource_calendar_id.tz, "Europe/Rome")
        self.assertEqual(
            self._hours(gold.resource_calendar_id),
            sorted(
                [(d, 9.0, 13.0) for d in MON_FRI] + [(d, 14.0, 18.0) for d in MON_FRI]
            ),
        )
        self.assertEqual(self._kinds(gold), {"portal", "email", "phone", "other"})
        self.assertEqual(gold.auto_close_days, 0)
        self.assertEqual(gold.refund_window_hours, 0)
        self.assertEqual(len(gold.product_ids), 1)
        products = self.env["product.product"].search(
            [("company_id", "=", self.empty.id)]
        )
        # hosting, domain, PEC, showcase, banner, the GOLD help desk and the
        # paid technical intervention its quotes offer
        self.assertEqual(len(products), 7)
        # seed 000: yearly from registration, showcases and banners every 31/12
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
        for plan in (basic, premium):
            self.assertEqual(plan.auto_close_days, 7)
            self.assertEqual(plan.duration_days, 365)
            self.assertEqual(plan.refund_window_hours, 24)
            self.assertEqual(plan.renewal_reminder_days, 30)
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
