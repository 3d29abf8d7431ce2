from odoo.tests import new_test_user, tagged

from .common import CoverageCase

FACT = "//div[@name='support_fact_coverage']"


@tagged("post_install", "-at_install")
class TestCoverageFormFacts(CoverageCase):
    """The agent reads the coverage of a request and what it costs in the
    form's header, and is offered a charge only while it applies.

    Issue scenario: "a header on the ticket form with ... coverage with its
    cost ... buttons only when they apply"; terms: "l'analisi dei log si
    paga 3 crediti", "le riparazioni per uso improprio sono a pagamento".
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent = new_test_user(
            cls.env,
            login="agent_cov_facts",
            groups="helpdesk_mgmt.group_helpdesk_user",
            name="Giulia Agente",
        )

    def test_cost_of_each_coverage(self):
        cases = {
            self.cat_outage: ("included", "included in the plan"),
            self.cat_logs: ("extra", "3 credits"),
            self.cat_feature: ("extra", "on quotation"),
            self.cat_own_code: ("excluded", False),
        }
        for category, (coverage, cost) in cases.items():
            ticket = self._ticket(category).with_user(self.agent)
            self.assertEqual(ticket.coverage, coverage, category.name)
            self.assertEqual(ticket.support_coverage_cost, cost, category.name)
            self.assertTrue(self._shown(ticket, FACT))
        misuse = self._ticket(self.cat_misuse).with_user(self.agent)
        self.assertIn("80.00", misuse.support_coverage_cost)

    def test_cost_in_italian(self):
        ticket = self._ticket(self.cat_logs).with_user(self.agent)
        self.assertEqual(
            ticket.with_context(lang="it_IT").support_coverage_cost, "3 crediti"
        )

    def test_fixed_fee_offered_until_charged(self):
        """ "Charge fixed fee" is offered on an extra paid by a fixed fee,
        not once it is charged."""
        ticket = self._ticket(self.cat_misuse).with_user(self.agent)
        button = "//button[@name='action_charge_fixed_fee']"
        self.assertTrue(self._shown(ticket, button))
        ticket.action_charge_fixed_fee()
        ticket.invalidate_recordset()
        self.assertEqual(len(ticket.support_charge_ids), 1)
        self.assertFalse(self._shown(ticket, button))

    def test_credits_offered_until_charged(self):
        """ "Charge credits" is offered on an extra paid by credits, not once
        the request's credits are charged."""
        self._pay(self._invoice(self.credit_pack))
        ticket = self._ticket(self.cat_logs).with_user(self.agent)
        button = "//button[@name='action_charge_credits']"
        self.assertTrue(self._shown(ticket, button))
        self.env["support.credit.charge.wizard"].with_user(self.agent).create(
            {"ticket_id": ticket.id, "credits": 3}
        ).action_confirm()
        ticket.invalidate_recordset()
        self.assertEqual(ticket.support_credits_charged, 3)
        self.assertFalse(self._shown(ticket, button))

    def test_customer_form_shows_credits_left(self):
        """The customer form shows the credits left, with a button to their
        moves."""
        self._pay(self._invoice(self.credit_pack))
        customer = self.customer.with_user(self.agent)
        self.assertEqual(customer.support_credit_balance, 10)
        self.assertTrue(
            self._shown(customer, "//button[@name='action_view_support_credits']")
        )
        action = customer.action_view_support_credits()
        moves = (
            self.env["support.credit.move"]
            .with_user(self.agent)
            .search(action["domain"])
        )
        self.assertEqual(sum(moves.mapped("quantity")), 10)
