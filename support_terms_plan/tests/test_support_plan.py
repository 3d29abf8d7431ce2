from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import SupportPlanCase


@tagged("post_install", "-at_install")
class TestSupportPlanResolution(SupportPlanCase):
    """Which plan a customer holds, from its contract lines."""

    def test_in_progress_line_grants_the_plan(self):
        self._create_contract(self.customer, self.product_basic, self._days(-10))
        self.assertEqual(self.customer.support_plan_id, self.plan_basic)
        # a contact of the customer holds its company's plan
        self.assertEqual(self.contact.support_plan_id, self.plan_basic)
        self.assertFalse(self.other_customer.support_plan_id)
        self.assertIn(self.customer, self.plan_basic.customer_ids)

    def test_line_in_progress_on_its_first_and_last_day(self):
        self._create_contract(self.customer, self.product_basic, self.today, self.today)
        self.assertEqual(self.customer.support_plan_id, self.plan_basic)

    def test_ended_line_grants_nothing(self):
        self._create_contract(
            self.customer, self.product_basic, self._days(-400), self._days(-1)
        )
        self.assertFalse(self.customer.support_plan_id)

    def test_future_line_grants_nothing(self):
        self._create_contract(self.customer, self.product_basic, self._days(1))
        self.assertFalse(self.customer.support_plan_id)

    def test_canceled_line_grants_nothing(self):
        _contract, line = self._create_contract(
            self.customer, self.product_basic, self._days(-10)
        )
        self.assertEqual(self.customer.support_plan_id, self.plan_basic)
        # contract's own cancel flag (contract_line_successor's cancel() sets it)
        line.is_canceled = True
        self.customer.invalidate_recordset(["support_plan_id"])
        self.assertFalse(self.customer.support_plan_id)

    def test_archived_contract_grants_nothing(self):
        contract, _line = self._create_contract(
            self.customer, self.product_basic, self._days(-10)
        )
        contract.active = False
        self.assertFalse(self.customer.support_plan_id)

    def test_other_products_grant_nothing(self):
        self._create_contract(self.customer, self.product_hosting, self._days(-10))
        self.assertFalse(self.customer.support_plan_id)

    def test_section_line_grants_no_plan(self):
        """A contract whose services are grouped under a section: the section
        (no product) grants no plan, the plan's line grants its plan."""
        contract, line = self._create_contract(
            self.customer, self.product_basic, self._days(-10)
        )
        contract.contract_line_ids = [
            Command.create(
                {"display_type": "line_section", "name": "Assistenza", "sequence": 0}
            )
        ]
        section = contract.contract_line_ids - line
        lines = contract.contract_line_ids
        lines.invalidate_recordset(["support_plan_id"])
        self.assertEqual(line.support_plan_id, self.plan_basic)
        self.assertFalse(section.support_plan_id)
        self.assertEqual(self.customer.support_plan_id, self.plan_basic)

    def test_two_plans_resolve_by_sequence(self):
        self._create_contract(self.customer, self.product_basic, self._days(-10))
        self._create_contract(self.customer, self.product_premium, self._days(-5))
        self.assertEqual(self.customer.support_plan_id, self.plan_premium)
        self.plan_basic.sequence = 1
        self.customer.invalidate_recordset(["support_plan_id"])
        self.assertEqual(self.customer.support_plan_id, self.plan_basic)
        # the same sequence: the plan created first
        self.plan_premium.sequence = 1
        self.customer.invalidate_recordset(["support_plan_id"])
        first = (self.plan_basic | self.plan_premium).sorted("id")[:1]
        self.assertEqual(self.customer.support_plan_id, first)

    def test_archived_plan_is_not_in_force(self):
        self._create_contract(self.customer, self.product_basic, self._days(-10))
        self._create_contract(self.customer, self.product_premium, self._days(-5))
        self.plan_premium.active = False
        self.assertEqual(self.customer.support_plan_id, self.plan_basic)

    def test_many_customers_read_at_once(self):
        """Thirty customers, each with its service in force: each gets its plan
        (the queries of reading them at once are in bench/steady_state.py)."""
        customers = self.env["res.partner"].create(
            [{"name": f"Customer {i}", "is_company": True} for i in range(30)]
        )
        for customer in customers[:29]:
            self._create_contract(customer, self.product_basic, self._days(-1))
        customers.invalidate_recordset()
        plans = {customer: customer.support_plan_id for customer in customers}
        self.assertEqual(set(list(plans.values())[:29]), {self.plan_basic})
        self.assertFalse(plans[customers[29]])


@tagged("post_install", "-at_install")
class TestSupportPlanCompanies(SupportPlanCase):
    """Plans belong to a company and never show in another one."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "Provider B"})
        cls.product_b = cls._create_product("B plan", cls.company_b)
        cls.plan_b = cls._create_plan(
            "BPLAN", cls.product_b, sequence=1, company=cls.company_b
        )
        cls.user_a = cls.env["res.users"].create(
            {
                "name": "Support A",
                "login": "support_a",
                "company_id": cls.company.id,
                "company_ids": [(6, 0, cls.company.ids)],
                "groups_id": [
                    (
                        6,
                        0,
                        [cls.env.ref("support_terms_base.group_support_terms_user").id],
                    )
                ],
            }
        )

    def test_plan_of_each_company(self):
        self._create_contract(self.customer, self.product_basic, self._days(-10))
        self._create_contract(
            self.customer, self.product_b, self._days(-10), company=self.company_b
        )
        self.assertEqual(self.customer.support_plan_id, self.plan_basic)
        in_b = self.customer.with_company(self.company_b)
        self.assertEqual(in_b.support_plan_id, self.plan_b)

    def test_other_company_plan_never_leaks(self):
        # the customer only has a contract with company B
        self._create_contract(
            self.customer, self.product_b, self._days(-10), company=self.company_b
        )
        self.assertFalse(self.customer.support_plan_id)
        as_a = self.env["support.plan"].with_user(self.user_a)
        self.assertNotIn(self.plan_b, as_a.search([]))
        self.assertIn(self.plan_basic, as_a.search([]))
        with self.assertRaises(AccessError):
            self.plan_b.with_user(self.user_a).read(["name"])
        customer_as_a = self.customer.with_user(self.user_a)
        self.assertFalse(customer_as_a.support_plan_id)

    def test_plan_cannot_grant_another_company_product(self):
        with self.assertRaises(Exception):  # noqa: B017 check_company
            self._create_plan("MIXED", self.product_b, company=self.company)


@tagged("post_install", "-at_install")
class TestSupportPlanPortal(SupportPlanCase):
    """A customer reads its own plan, never another customer's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._create_contract(cls.customer, cls.product_basic, cls._days(-10))
        cls._create_contract(cls.other_customer, cls.product_premium, cls._days(-10))
        cls.portal_user = cls._portal_user(cls.contact, "mario.portal")

    def test_portal_reads_only_its_own_plan(self):
        plans = self.env["support.plan"].with_user(self.portal_user).search([])
        self.assertEqual(plans, self.plan_basic)
        self.assertEqual(plans.read(["name"])[0]["name"], "BASIC plan")
        with self.assertRaises(AccessError):
            self.plan_premium.with_user(self.portal_user).read(["name"])
        partner = self.portal_user.partner_id.with_user(self.portal_user)
        self.assertEqual(partner.support_plan_id.name, "BASIC plan")

    def test_portal_loses_the_plan_when_the_line_ends(self):
        line = self.customer.commercial_partner_id.env["contract.line"].search(
            [("contract_id.partner_id", "=", self.customer.id)]
        )
        line.date_end = self._days(-1)
        plans = self.env["support.plan"].with_user(self.portal_user).search([])
        self.assertFalse(plans)

    def test_portal_cannot_write_plans(self):
        with self.assertRaises(AccessError):
            self.plan_basic.with_user(self.portal_user).write({"name": "Mine"})


@tagged("post_install", "-at_install")
class TestTicketPlanSnapshot(SupportPlanCase):
    """A ticket keeps the plan in force when the request arrived."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract, cls.line = cls._create_contract(
            cls.customer, cls.product_premium, cls._days(-30)
        )
        cls.support_user = cls.env["res.users"].create(
            {
                "name": "Agent",
                "login": "agent",
                "groups_id": [
                    (6, 0, [cls.env.ref("helpdesk_mgmt.group_helpdesk_user").id])
                ],
            }
        )

    def _ticket(self, partner, **values):
        return self.env["helpdesk.ticket"].create(
            dict(
                {"name": "Site down", "description": "<p>Help</p>"},
                partner_id=partner.id if partner else False,
                **values,
            )
        )

    def test_ticket_takes_the_plan_in_force(self):
        ticket = self._ticket(self.contact)
        self.assertEqual(ticket.support_plan_id, self.plan_premium)
        self.assertFalse(self._ticket(self.other_customer).support_plan_id)

    def test_snapshot_does_not_follow_the_contract(self):
        ticket = self._ticket(self.contact)
        self.line.date_end = self._days(-1)
        self._create_contract(self.customer, self.product_basic, self._days(-1))
        self.customer.invalidate_recordset(["support_plan_id"])
        self.assertEqual(self.customer.support_plan_id, self.plan_basic)
        ticket.invalidate_recordset()
        self.assertEqual(ticket.support_plan_id, self.plan_premium)
        # a new request gets the new plan
        self.assertEqual(self._ticket(self.contact).support_plan_id, self.plan_basic)

    def test_ticket_linked_later_gets_the_plan(self):
        ticket = self._ticket(False, partner_email="mario@rossi.example")
        self.assertFalse(ticket.support_plan_id)
        ticket.partner_id = self.contact
        self.assertEqual(ticket.support_plan_id, self.plan_premium)

    def test_only_managers_change_the_plan(self):
        ticket = self._ticket(self.contact)
        as_agent = ticket.with_user(self.support_user)
        with self.assertRaises(AccessError):
            as_agent.write({"support_plan_id": self.plan_basic.id})
        self.assertEqual(ticket.support_plan_id, self.plan_premium)
        # an agent creating a ticket cannot pick a plan either
        created = (
            self.env["helpdesk.ticket"]
            .with_user(self.support_user)
            .create(
                {
                    "name": "Question",
                    "description": "<p>?</p>",
                    "partner_id": self.other_customer.id,
                    "support_plan_id": self.plan_premium.id,
                }
            )
        )
        self.assertFalse(created.support_plan_id)
        manager = self.env.ref("base.user_admin")
        ticket.with_user(manager).write({"support_plan_id": self.plan_basic.id})
        self.assertEqual(ticket.support_plan_id, self.plan_basic)

    def test_plan_change_is_tracked(self):
        ticket = self._ticket(self.contact).with_context(tracking_disable=False)
        self.env.cr.precommit.run()  # the creation is logged apart
        ticket.support_plan_id = self.plan_basic
        self.env.cr.precommit.run()  # tracking is written before the commit
        tracked = self.env["mail.tracking.value"].search(
            [
                ("mail_message_id.model", "=", "helpdesk.ticket"),
                ("mail_message_id.res_id", "=", ticket.id),
                ("field_id.name", "=", "support_plan_id"),
            ]
        )
        self.assertEqual(tracked.old_value_char, "PREMIUM plan")
        self.assertEqual(tracked.new_value_char, "BASIC plan")
