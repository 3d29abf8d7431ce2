from lxml import etree

from odoo.tests import new_test_user, tagged

from .common import SupportPlanCase


@tagged("post_install", "-at_install")
class TestPlanViews(SupportPlanCase):
    """Staff read the plan of each service and of the customer.

    Issue scenario: "a services list (customer, plan, state, ...)"; "the
    customer form with services, plan, ..."; "a header on the ticket form
    with the plan".
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent = new_test_user(
            cls.env,
            login="agent_plan_views",
            groups="helpdesk_mgmt.group_helpdesk_user",
        )
        _contract, cls.line = cls._create_contract(
            cls.customer, cls.product_premium, "2026-01-01"
        )

    def test_services_list_shows_the_plan(self):
        lines = self.env["contract.line"].with_user(self.agent)
        view = self.env.ref("support_terms_base.contract_line_view_list_services")
        arch = lines.get_views([(view.id, "list")])["views"]["list"]["arch"]
        names = [f.get("name") for f in etree.fromstring(arch).iter("field")]
        self.assertIn("support_plan_id", names)
        self.assertEqual(
            lines.browse(self.line.id).read(["support_plan_id"])[0]["support_plan_id"][
                0
            ],
            self.plan_premium.id,
        )

    def test_customer_form_shows_the_plan(self):
        customer = self.customer.with_user(self.agent)
        self.assertEqual(customer.support_plan_id, self.plan_premium)
        self.assertTrue(
            self._shown(
                customer,
                "//group[@name='support_facts_left']/field[@name='support_plan_id']",
            )
        )

    def test_ticket_header_shows_the_plan(self):
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "Sito lento",
                "description": "<p>?</p>",
                "partner_id": self.contact.id,
            }
        )
        as_agent = ticket.with_user(self.agent)
        badge = "//div[@name='support_fact_plan']/field[@name='support_plan_id']"
        self.assertTrue(self._shown(as_agent, badge))
        self.assertEqual(as_agent.support_plan_id, self.plan_premium)
        no_plan = self.env["helpdesk.ticket"].create(
            {
                "name": "Chi siete?",
                "description": "<p>?</p>",
                "partner_email": "x@y.example",
            }
        )
        self.assertFalse(self._shown(no_plan.with_user(self.agent), badge))
        self.assertTrue(
            self._shown(
                no_plan.with_user(self.agent),
                "//div[@name='support_fact_plan']/span[hasclass('badge')]",
            )
        )
