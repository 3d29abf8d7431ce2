from datetime import date, datetime

from freezegun import freeze_time

from odoo.tests import new_test_user, tagged

from .common import SupportPlanCase

TODAY = date(2026, 3, 10)


@tagged("post_install", "-at_install")
class TestPlanOfAServiceInForce(SupportPlanCase):
    """The plan in force follows the service in force: a service terminated
    grants no plan, and the requests arriving after it get none."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {"name": "Assistenza", "alias_name": "assistenza-force"}
        )
        cls.premium_contract, cls.premium_line = cls._create_contract(
            cls.customer, cls.product_premium, "2026-01-01"
        )
        cls.manager = new_test_user(
            cls.env,
            login="plan_force_manager",
            groups="support_terms_base.group_support_terms_manager",
            name="Terms Manager",
        )

    def _receive(self, message_id):
        return self.env["helpdesk.ticket"].browse(
            self.receive_email(
                "Mario Rossi <mario@rossi.example>",
                "assistenza-force@example.com",
                "Posta non funziona",
                datetime(2026, 3, 10, 10, 0),
                message_id,
                body="Non riceviamo posta da ieri.",
                custom_values={"team_id": self.team.id},
            )
        )

    def test_service_terminated_by_a_manager_grants_no_plan_and_new_tickets_do_not_snapshot_it(  # noqa: E501
        self,
    ):
        with freeze_time(TODAY):
            before = self._receive("<before@rossi.example>")
            self.assertEqual(before.support_plan_id, self.plan_premium)
            self.premium_line.with_user(self.manager).action_terminate_service()
            self.customer.invalidate_recordset(["support_plan_id"])
            self.assertFalse(self.customer.support_plan_id)
            self.assertFalse(self.contact.support_plan_id)
            self.assertNotIn(self.customer, self.plan_premium.customer_ids)
            self.assertFalse(
                self.env["support.plan"].search(
                    [("customer_ids", "in", self.customer.ids)]
                )
            )
            after = self._receive("<after@rossi.example>")
            self.assertFalse(after.support_plan_id)
            # the ticket that arrived before keeps its snapshot
            self.assertEqual(before.support_plan_id, self.plan_premium)
            self.assertNotIn(self.premium_line, self.customer.support_service_line_ids)

    def test_one_definition_for_the_plan(self):
        """Each kind of line not in force grants no plan; the suspended one
        stays in force and grants its plan. Its invoicing and its overdue
        suspension: the base and suspension addons' tests."""
        Line = self.env["contract.line"]
        partners = self._lines_not_in_force(self.product_premium)
        self.premium_line.service_state = "suspended"
        with freeze_time(TODAY):
            in_force = Line.search(Line._support_in_force_domain(TODAY))
            self.assertIn(self.premium_line, in_force)
            self.assertEqual(self.customer.support_plan_id, self.plan_premium)
            for name, (partner, line) in partners.items():
                with self.subTest(line=name):
                    self.assertNotIn(line, in_force)
                    self.assertFalse(partner.support_plan_id)
                    self.assertFalse(line._support_in_force(TODAY))
