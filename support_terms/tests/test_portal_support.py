from datetime import date

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from .common_coverage import CoverageCase


class PortalSupportCase(CoverageCase):
    """Two customers with their own plan, credits, charges and quotes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.support_credit_grant_on = "posted"
        cls.other_contact = cls.env["res.partner"].create(
            {
                "name": "Giulia Bianchi",
                "parent_id": cls.other_customer.id,
                "email": "giulia@bianchi.example",
            }
        )
        cls._create_contract(cls.other_customer, cls.product_premium, "2026-01-01")
        cls.rule_premium = cls.env["support.coverage.rule"].create(
            {
                "plan_id": cls.plan_premium.id,
                "category_id": cls.cat_logs.id,
                "coverage": "included",
            }
        )
        cls.portal = new_test_user(
            cls.env,
            login="mario_portal",
            password="mario-portal-1",
            groups="base.group_portal",
            partner_id=cls.contact.id,
        )
        cls.other_portal = new_test_user(
            cls.env,
            login="giulia_portal",
            password="giulia-portal-1",
            groups="base.group_portal",
            partner_id=cls.other_contact.id,
        )
        cls.plan_basic.write(
            {
                "terms_html": "<p>Support through tickets only.</p>",
                "channel_ids": [
                    Command.set(
                        cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email").ids
                    )
                ],
            }
        )

    def _data_of(self, contact, category):
        self._invoice(partner=contact.commercial_partner_id, date=date.today())
        ticket = self._ticket(category, partner=contact)
        ticket._add_charge("outside_plan", self.product_repair)
        order = self.env["sale.order"].create(
            {
                "partner_id": contact.id,
                "ticket_ids": [Command.link(ticket.id)],
                "order_line": [Command.create({"product_id": self.product_dev.id})],
            }
        )
        order.message_subscribe(partner_ids=contact.ids)
        self.assertEqual(ticket.support_quote_id, order)
        return ticket


@tagged("post_install", "-at_install")
class TestPortalSecurity(PortalSupportCase):
    def test_a_customer_reads_only_its_own(self):
        mine = self._data_of(self.contact, self.cat_logs)
        theirs = self._data_of(self.other_contact, self.cat_logs)
        self.env["support.credit.move"]._consume(
            self.customer, self.company, 2, ticket=mine
        )
        env = self.env(user=self.portal)
        moves = env["support.credit.move"].search([])
        self.assertEqual(moves.partner_id, self.customer)
        self.assertEqual(len(moves), 2)  # the grant and the consumption
        charges = env["support.ticket.charge"].search([])
        self.assertEqual(charges.ticket_id, mine)
        rules = env["support.coverage.rule"].search([])
        self.assertEqual(rules.plan_id, self.plan_basic)
        self.assertNotIn(self.rule_premium, rules)
        orders = env["sale.order"].search([])
        self.assertEqual(orders, mine.support_quote_id)
        for record in (
            theirs.support_credit_move_ids
            or self.env["support.credit.move"].search(
                [("partner_id", "=", self.other_customer.id)]
            ),
            theirs.support_charge_ids,
            self.rule_premium,
            theirs.support_quote_id,
        ):
            with self.assertRaises(AccessError, msg=record._name):
                record.with_user(self.portal).read(["display_name"])

    def test_a_customer_cannot_write_coverage(self):
        ticket = self._ticket(self.cat_logs)
        with self.assertRaises(AccessError):
            ticket.with_user(self.portal).write(
                {"coverage": "included", "coverage_override_reason": "please"}
            )
        with self.assertRaises(AccessError):
            self.rule_logs.with_user(self.portal).write({"coverage": "included"})
        with self.assertRaises(AccessError):
            self.env["support.credit.move"].with_user(self.portal).create(
                {
                    "partner_id": self.customer.id,
                    "move_type": "grant",
                    "quantity": 100,
                    "expiry_date": date(2030, 1, 1),
                }
            )
        self.assertEqual(ticket.coverage, "extra")


@tagged("post_install", "-at_install")
class TestMySupportPage(HttpCase, PortalSupportCase):
    def test_my_support_shows_plan_terms_and_credits(self):
        mine = self._data_of(self.contact, self.cat_logs)
        self._data_of(self.other_contact, self.cat_logs)
        self.env["support.credit.move"]._consume(
            self.customer, self.company, 3, ticket=mine
        )
        self.authenticate("mario_portal", "mario-portal-1")
        page = self.url_open("/my/support").text
        self.assertIn("BASIC plan", page)
        self.assertIn("Mon-Fri 15-18", page)
        self.assertIn("Email", page)
        self.assertIn("Support through tickets only.", page)
        self.assertIn('id="support_terms_credit_balance">7<', page)
        self.assertIn(mine.number, page)
        grant = self._grants()
        self.assertIn(grant.invoice_id.name, page)
        # nothing of the other customer
        self.assertNotIn("Giulia", page)
        self.assertNotIn("PREMIUM plan", page)
        ticket_page = self.url_open(f"/my/ticket/{mine.id}").text
        self.assertIn("Log analysis is paid with 3 credits.", ticket_page)
        self.assertIn('id="support_terms_credits_charged"', ticket_page)
        self.assertIn(mine.support_quote_id.name, ticket_page)

    def test_credits_page_says_not_refundable_not_transferable(self):
        """ "I crediti di assistenza acquistati [...] Non sono rimborsabili e
        non sono rivendibili": the credits page says both, in the customer's
        language."""
        self._invoice(date=date.today())
        self.authenticate("mario_portal", "mario-portal-1")
        page = self.url_open("/my/support").text
        self.assertIn("Credits are not refundable", page)
        self.assertIn("Credits are not transferable", page)
        self.env["ir.module.module"]._load_module_terms(["support_terms"], ["it_IT"])
        self.portal.lang = "it_IT"
        self.authenticate("mario_portal", "mario-portal-1")
        page = self.url_open("/my/support").text
        self.assertIn("I crediti non sono rimborsabili", page)
        self.assertIn("I crediti non sono cedibili", page)
        self.assertIn("rivenduti", page)

    def test_without_plan(self):
        customer = self.env["res.partner"].create(
            {"name": "Senza Piano Srl", "is_company": True}
        )
        contact = self.env["res.partner"].create(
            {"name": "Luca Verdi", "parent_id": customer.id, "email": "l@v.example"}
        )
        new_test_user(
            self.env,
            login="luca_portal",
            password="luca-portal-1",
            groups="base.group_portal",
            partner_id=contact.id,
        )
        self.authenticate("luca_portal", "luca-portal-1")
        page = self.url_open("/my/support").text
        self.assertIn("no support plan in force", page)
        self.assertIn("You have no credit moves yet.", page)

    def test_tour_opens_my_support(self):
        self._invoice(date=date.today())
        self.start_tour("/my", "support_terms_portal_my_support", login="mario_portal")
