from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.support_terms_coverage import post_init_hook

from .common import CoverageCase


@tagged("post_install", "-at_install")
class TestCoverage(CoverageCase):
    """Every request gets the coverage its plan says for its kind."""

    def test_each_outcome_from_the_rule(self):
        cases = {
            self.cat_outage: ("included", self.rule_outage),
            self.cat_logs: ("extra", self.rule_logs),
            self.cat_own_code: ("excluded", self.rule_own_code),
            self.cat_status: ("to_assess", self.env["support.coverage.rule"]),
        }
        for category, (coverage, rule) in cases.items():
            ticket = self._ticket(category)
            self.assertEqual(ticket.support_plan_id, self.plan_basic)
            self.assertEqual(ticket.coverage, coverage, category.name)
            self.assertEqual(ticket.support_coverage_rule_id, rule)
            self.assertEqual(ticket.coverage_note, rule.note)

    def test_without_plan_or_category_to_assess(self):
        self.assertEqual(self._ticket().coverage, "to_assess")
        no_plan = self._ticket(self.cat_outage, partner=self.other_customer)
        self.assertFalse(no_plan.support_plan_id)
        self.assertEqual(no_plan.coverage, "to_assess")

    def test_category_change_recomputes(self):
        ticket = self._ticket(self.cat_status)
        self.assertEqual(ticket.coverage, "to_assess")
        ticket.category_id = self.cat_logs
        self.assertEqual(ticket.coverage, "extra")
        self.assertEqual(ticket.coverage_billing_mode, "credits")
        ticket.category_id = self.cat_outage
        self.assertEqual(ticket.coverage, "included")

    def test_override_with_reason_is_tracked(self):
        agent = new_test_user(
            self.env,
            login="agent_cov",
            groups="helpdesk_mgmt.group_helpdesk_user",
        )
        ticket = self._ticket(self.cat_status).with_context(tracking_disable=False)
        self.env.cr.precommit.run()  # the creation is logged apart
        ticket.with_user(agent).write(
            {
                "coverage": "included",
                "coverage_override_reason": "The status check is part of the outage.",
            }
        )
        self.assertEqual(ticket.coverage, "included")
        self.env.cr.precommit.run()  # tracking is written before the commit
        tracked = self.env["mail.tracking.value"].search(
            [
                ("mail_message_id.model", "=", "helpdesk.ticket"),
                ("mail_message_id.res_id", "=", ticket.id),
                ("field_id.name", "in", ["coverage", "coverage_override_reason"]),
            ]
        )
        coverage = tracked.filtered(lambda v: v.field_id.name == "coverage")
        self.assertEqual(coverage.old_value_char, "To assess")
        self.assertEqual(coverage.new_value_char, "Included")
        self.assertEqual(coverage.mail_message_id.author_id, agent.partner_id)
        self.assertEqual(len(tracked), 2)

    def test_agent_cannot_override_a_rule_only_a_manager_can(self):
        """The coverage a rule of the terms gives is the provider's price
        list: an agent assesses requests no rule covers, only a manager
        gives away (or charges) what a rule says otherwise."""
        agent = new_test_user(
            self.env, login="agent_rule", groups="helpdesk_mgmt.group_helpdesk_user"
        )
        manager = new_test_user(
            self.env,
            login="manager_rule",
            groups="helpdesk_mgmt.group_helpdesk_manager",
        )
        ticket = self._ticket(self.cat_logs)
        self.assertEqual(ticket.coverage, "extra")
        override = {"coverage": "included", "coverage_override_reason": "Omaggio."}
        with self.assertRaises(AccessError):
            ticket.with_user(agent).write(override)
        self.env.invalidate_all()
        self.assertEqual(ticket.coverage, "extra")
        self.assertFalse(ticket.coverage_override_reason)
        ticket.with_user(manager).write(override)
        self.assertEqual(ticket.coverage, "included")
        self.assertEqual(ticket.coverage_override_reason, "Omaggio.")

    def test_override_without_reason_refused(self):
        ticket = self._ticket(self.cat_logs)
        with self.assertRaises(UserError) as caught:
            ticket.write({"coverage": "included"})
        self.assertIn("Say why", str(caught.exception))
        self.assertEqual(ticket.coverage, "extra")

    def test_only_support_staff_override(self):
        employee = new_test_user(
            self.env, login="employee_cov", groups="base.group_user"
        )
        ticket = self._ticket(self.cat_logs)
        # an employee outside support may read the ticket, not decide its coverage
        with self.assertRaises(AccessError):
            ticket.with_user(employee).sudo(False)._check_coverage_override(
                {"coverage": "included", "coverage_override_reason": "why not"}
            )
        self.assertEqual(ticket.coverage, "extra")

    def test_writing_the_rule_coverage_is_no_override(self):
        ticket = self._ticket(self.cat_status)
        # what the form sends back when the category changes
        ticket.write({"category_id": self.cat_logs.id, "coverage": "extra"})
        self.assertEqual(ticket.coverage, "extra")
        self.assertFalse(ticket.coverage_override_reason)

    def test_excluded_notifies_the_customer_in_its_language(self):
        self.env["res.lang"]._activate_lang("it_IT")
        self.env["ir.module.module"]._load_module_terms(
            ["support_terms_coverage"], ["it_IT"]
        )
        self.customer.lang = "it_IT"
        self.contact.lang = "it_IT"
        ticket = self._ticket(self.cat_own_code)
        messages = ticket.message_ids.filtered(
            lambda m: "vi indichiamo gli errori" in (m.body or "")
        )
        self.assertEqual(len(messages), 1)
        self.assertIn("non è coperta dal vostro piano di assistenza", messages.body)
        self.assertIn(self.contact, messages.partner_ids)
        # moving to another excluded kind later notifies again, not the same one
        ticket.category_id = self.cat_logs
        ticket.category_id = self.cat_outage
        self.assertEqual(
            len(
                ticket.message_ids.filtered(
                    lambda m: "vi indichiamo gli errori" in (m.body or "")
                )
            ),
            1,
        )

    def test_excluded_on_category_change_notifies_once(self):
        ticket = self._ticket(self.cat_outage)
        ticket.category_id = self.cat_own_code
        ticket.name = "Richiesta aggiornata"
        notes = ticket.message_ids.filtered(
            lambda m: "Your own code is not covered" in (m.body or "")
        )
        self.assertEqual(len(notes), 1)

    def test_install_on_a_live_database_tells_no_excluded_request_again(self):
        """A request excluded before the coverage addon was installed (its
        flag column did not exist yet) is not emailed again when staff
        next edit it: installing tells no customer anything."""
        ticket = self._ticket(self.cat_own_code)
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE helpdesk_ticket SET support_exclusion_notified = NULL "
            "WHERE id = %s",
            [ticket.id],
        )
        self.env.invalidate_all()
        post_init_hook(self.env)
        self.env.invalidate_all()
        ticket.write({"partner_id": self.contact.id, "name": "Plugin rotto"})
        notes = ticket.message_ids.filtered(
            lambda m: "Your own code is not covered" in (m.body or "")
        )
        self.assertEqual(len(notes), 1)

    def test_excluded_can_go_on_by_quote(self):
        ticket = self._ticket(self.cat_own_code)
        ticket.action_create_quote()
        self.assertEqual(ticket.support_quote_id.ticket_ids, ticket)
        self.assertEqual(ticket.support_quote_state, "waiting")


@tagged("post_install", "-at_install")
class TestCoverageRuleValidation(CoverageCase):
    def _refused(self, values, message):
        rules = self.env["support.coverage.rule"]
        before = rules.search_count([])
        with self.assertRaises(ValidationError) as caught:
            rules.create(values)
        self.assertIn(message, str(caught.exception))
        self.assertEqual(rules.search_count([]), before)

    def test_rule_without_plan_or_category(self):
        self._refused(
            {"category_id": self.cat_status.id, "coverage": "included"},
            "needs a plan and a kind of request",
        )
        self._refused(
            {"plan_id": self.plan_basic.id, "coverage": "included"},
            "needs a plan and a kind of request",
        )

    def test_extra_must_say_how_it_is_paid(self):
        base = {"plan_id": self.plan_basic.id, "category_id": self.cat_status.id}
        self._refused(dict(base, coverage="extra"), "say how an extra is paid")
        self._refused(
            dict(base, coverage="extra", billing_mode="credits", credits=-2),
            "positive number of credits",
        )
        self._refused(
            dict(base, coverage="extra", billing_mode="fixed_fee"),
            "choose the product",
        )
        self._refused(
            dict(base, coverage="excluded", billing_mode="credits", credits=1),
            "only go on as paid work by quote",
        )

    def test_included_is_not_billed_and_quotes_name_a_product(self):
        base = {"plan_id": self.plan_basic.id, "category_id": self.cat_status.id}
        self._refused(
            dict(base, coverage="included", billing_mode="quote"), "is not billed"
        )
        self._refused(
            dict(base, coverage="extra", billing_mode="credits", credits=0),
            "positive number of credits",
        )
        self._refused(
            dict(base, coverage="extra", billing_mode="quote"), "choose the product"
        )

    def test_sound_rules_are_accepted(self):
        rules = self.env["support.coverage.rule"]
        sound = [
            {"coverage": "included"},
            {"coverage": "extra", "billing_mode": "credits", "credits": 2},
            {"coverage": "extra", "billing_mode": "quote", "product_id": True},
            {"coverage": "extra", "billing_mode": "fixed_fee", "product_id": True},
            {"coverage": "excluded"},
            {"coverage": "excluded", "billing_mode": "quote", "product_id": True},
        ]
        for values in sound:
            with self.subTest(values=values):
                if values.get("product_id"):
                    values = dict(values, product_id=self.product_repair.id)
                category = self.env["helpdesk.ticket.category"].create(
                    {"name": f"Kind {len(rules.search([]))}"}
                )
                rule = rules.create(
                    dict(values, plan_id=self.plan_basic.id, category_id=category.id)
                )
                self.assertEqual(rule.coverage, values["coverage"])

    def test_one_rule_per_plan_and_kind(self):
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError) as caught,
            self.env.cr.savepoint(),
        ):
            self.env["support.coverage.rule"].create(
                {
                    "plan_id": self.plan_basic.id,
                    "category_id": self.cat_outage.id,
                    "coverage": "extra",
                    "billing_mode": "credits",
                    "credits": 1,
                }
            )
            self.env.flush_all()
        self.assertIn("plan_category_unique", str(caught.exception))

    def test_rule_and_category_of_another_company(self):
        other = self.env["res.company"].create({"name": "Altra Srl"})
        category = self.env["helpdesk.ticket.category"].create(
            {"name": "Solo altra", "company_id": other.id}
        )
        with self.assertRaises(UserError):
            self.env["support.coverage.rule"].create(
                {
                    "plan_id": self.plan_basic.id,
                    "category_id": category.id,
                    "coverage": "included",
                }
            )
