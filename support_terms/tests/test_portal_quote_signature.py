from odoo.exceptions import UserError
from odoo.tests import HttpCase, new_test_user, tagged

from .common_coverage import CoverageCase

PNG = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6"
    "kgAAAABJRU5ErkJggg=="
)


@tagged("post_install", "-at_install")
class TestQuotes(HttpCase, CoverageCase):
    """A quote-billed extra waits for the customer's signature in the portal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal = new_test_user(
            cls.env,
            login="mario_quote",
            password="mario-quote-1",
            groups="base.group_portal",
            partner_id=cls.contact.id,
        )

    def test_quote_accepted_in_the_portal(self):
        ticket = self._ticket(self.cat_feature)
        self.assertEqual(ticket.coverage, "extra")
        ticket.action_create_quote()
        order = ticket.support_quote_id
        # linked by OCA's link between requests and sales orders
        self.assertEqual(order.ticket_ids, ticket)
        self.assertEqual(ticket.sale_order_ids, order)
        self.assertEqual(order.partner_id, self.contact)
        self.assertEqual(order.order_line.product_id, self.product_dev)
        self.assertIn(ticket.number, order.order_line.name)
        self.assertTrue(order.require_signature)
        self.assertEqual(ticket.support_quote_state, "waiting")
        with self.assertRaises(UserError):
            ticket.action_create_quote()
        # no work before the acceptance; waiting for the customer is fine
        with self.assertRaises(UserError) as caught:
            ticket.stage_id = self.stage_progress
        self.assertIn("waiting for quote acceptance", str(caught.exception))
        self.assertEqual(ticket.stage_id, self.stage_new)
        ticket.stage_id = self.stage_waiting

        self.authenticate("mario_quote", "mario-quote-1")
        page = self.url_open(f"/my/ticket/{ticket.id}").text
        self.assertIn("Waiting for quote acceptance", page)
        self.assertIn(order.name, page)
        result = self.make_jsonrpc_request(
            f"/my/orders/{order.id}/accept",
            {"name": "Mario Rossi", "signature": PNG},
        )
        self.assertNotIn("error", result)
        order.invalidate_recordset()
        ticket.invalidate_recordset()
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.signed_by, "Mario Rossi")
        self.assertEqual(ticket.support_quote_state, "accepted")
        # the signature starts the work
        self.assertEqual(ticket.stage_id, self.stage_progress)
        self.assertFalse(ticket.waiting_since)
        self.assertIn("Quote accepted", self.url_open(f"/my/ticket/{ticket.id}").text)
