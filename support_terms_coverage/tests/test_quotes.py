from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from .common import CoverageCase


@tagged("post_install", "-at_install")
class TestQuotes(CoverageCase):
    """Only a quote-billed extra or an exclusion goes on by quote."""

    def test_only_quote_extras_and_exclusions_are_quoted(self):
        for category in (self.cat_outage, self.cat_logs, self.cat_status):
            with self.assertRaises(UserError):
                self._ticket(category).action_create_quote()

    def test_no_work_on_a_quote_billed_extra_without_an_accepted_quote(self):
        """ "prezzi e condizioni verranno calcolati e comunicati in fase di
        preventivo, ovvero prima dell'effettivo intervento sul sito web": an
        extra billed by quote enters no work stage without a signed quote."""
        ticket = self._ticket(self.cat_feature)
        self.assertEqual(ticket.coverage_billing_mode, "quote")
        agent = self.env["res.users"].create(
            {
                "name": "Agente",
                "login": "agent_quote_work",
                "groups_id": [
                    Command.link(self.env.ref("helpdesk_mgmt.group_helpdesk_user").id),
                    Command.link(
                        self.env.ref("support_terms_base.group_support_terms_user").id
                    ),
                ],
            }
        )
        with self.assertRaises(UserError) as caught:
            ticket.with_user(agent).write({"stage_id": self.stage_progress.id})
        self.assertIn("Create the quotation first", str(caught.exception))
        ticket.invalidate_recordset()
        self.assertEqual(ticket.stage_id, self.stage_new)
        # Italian first
        with self.assertRaises(UserError) as caught:
            ticket.with_user(agent).with_context(lang="it_IT").write(
                {"stage_id": self.stage_progress.id}
            )
        self.assertIn("Create prima il preventivo", str(caught.exception))
        # a cancelled quote is no quote
        ticket.action_create_quote()
        ticket.support_quote_id._action_cancel()
        with self.assertRaises(UserError):
            ticket.with_user(agent).write({"stage_id": self.stage_progress.id})
        self.assertEqual(ticket.stage_id, self.stage_new)
        # the customer signs a new quote: the work starts
        ticket.action_create_quote()
        ticket.support_quote_id.action_confirm()
        self.assertEqual(ticket.support_quote_state, "accepted")
        self.assertEqual(ticket.stage_id, self.stage_progress)

    def test_other_extras_and_included_requests_start_work_freely(self):
        for category in (self.cat_outage, self.cat_logs, self.cat_misuse):
            ticket = self._ticket(category)
            ticket.stage_id = self.stage_progress
            self.assertEqual(ticket.stage_id, self.stage_progress)


@tagged("post_install", "-at_install")
class TestQuotesOnOcaLink(CoverageCase):
    """ "prezzi e condizioni verranno calcolati e comunicati in fase di
    preventivo, ovvero prima dell'effettivo intervento sul sito web": the
    quotation of a request is OCA's link between requests and sales orders;
    work still waits for its acceptance."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent = new_test_user(
            cls.env,
            login="agent_quote_link",
            groups="helpdesk_mgmt.group_helpdesk_user,"
            "support_terms_base.group_support_terms_user,"
            "sales_team.group_sale_salesman_all_leads",
            name="Agente Vendite",
        )

    def test_the_quotation_is_the_oca_link(self):
        ticket = self._ticket(self.cat_feature)
        with Form(ticket.with_user(self.agent)) as form:
            self.assertEqual(form.support_quote_state, False)
        ticket.with_user(self.agent).action_create_quote()
        order = ticket.support_quote_id
        self.assertEqual(ticket.sale_order_ids, order)
        self.assertEqual(order.ticket_ids, ticket)
        self.assertEqual(ticket.so_count, 1)
        self.assertEqual(ticket.support_quote_state, "waiting")
        with self.assertRaises(UserError):
            ticket.with_user(self.agent).write({"stage_id": self.stage_progress.id})
        order.action_confirm()
        self.assertEqual(ticket.support_quote_state, "accepted")
        self.assertEqual(ticket.stage_id, self.stage_progress)

    def test_linking_orders_does_not_replace_the_quotation(self):
        older = self.env["sale.order"].create({"partner_id": self.customer.id})
        ticket = self._ticket(self.cat_feature)
        ticket.with_user(self.agent).action_create_quote()
        quote = ticket.support_quote_id
        signed = self.env["sale.order"].create({"partner_id": self.other_customer.id})
        signed.action_confirm()
        for commands in (
            [Command.unlink(quote.id)],
            [Command.link(signed.id)],
            [Command.set(signed.ids)],
        ):
            with self.subTest(commands=commands):
                with self.assertRaises(AccessError) as caught:
                    ticket.with_user(self.agent).write({"sale_order_ids": commands})
                self.assertIn("recorded by the support terms", str(caught.exception))
                ticket.invalidate_recordset()
                self.assertEqual(ticket.sale_order_ids, quote)
        self.assertEqual(ticket.support_quote_state, "waiting")
        with self.assertRaises(UserError):
            ticket.with_user(self.agent).write({"stage_id": self.stage_progress.id})
        # an order that does not become the quotation is linked freely
        ticket.with_user(self.agent).write({"sale_order_ids": [Command.link(older.id)]})
        self.assertEqual(ticket.sale_order_ids, older | quote)
        self.assertEqual(ticket.support_quote_id, quote)

    def test_the_sales_order_side_does_not_replace_the_quotation(self):
        """From the sales order, a salesperson links a confirmed order of the
        customer to a request waiting for its quotation, or creates one
        linked: refused, the request still waits, nothing written."""
        ticket = self._ticket(self.cat_feature)
        ticket.with_user(self.agent).action_create_quote()
        quote = ticket.support_quote_id
        signed = self.env["sale.order"].create({"partner_id": self.customer.id})
        signed.action_confirm()
        orders_before = self.env["sale.order"].search_count([])
        with self.assertRaises(AccessError):
            signed.with_user(self.agent).write(
                {"ticket_ids": [Command.link(ticket.id)]}
            )
        with self.assertRaises(AccessError):
            self.env["sale.order"].with_user(self.agent).create(
                {
                    "partner_id": self.customer.id,
                    "ticket_ids": [Command.link(ticket.id)],
                }
            )
        self.assertEqual(self.env["sale.order"].search_count([]), orders_before)
        ticket.invalidate_recordset()
        self.assertEqual(ticket.support_quote_id, quote)
        self.assertEqual(ticket.support_quote_state, "waiting")
        with self.assertRaises(UserError):
            ticket.with_user(self.agent).write({"stage_id": self.stage_progress.id})
