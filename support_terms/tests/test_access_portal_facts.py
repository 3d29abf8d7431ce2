from odoo.tests import tagged

from .test_portal_requests import PortalRequestCase


@tagged("post_install", "-at_install")
class TestPortalFactsOfAnotherCustomer(PortalRequestCase):
    """A request's page tells its facts to whoever may read it; the credits
    a customer has left are the customer's own.

    Issue scenario: "the ticket page with plan, urgency, priority, coverage
    with its cost" for the customer; the brief's attack: "someone else's
    ticket facts".
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the other customer holds the same plan and 40 credits
        cls._create_contract(cls.other_customer, cls.product_basic, "2026-01-01")

    def test_a_follower_does_not_read_another_customers_credits(self):
        """Mario follows a request of Giulia's company (staff copied him):
        he reads the request, not how many credits her company has left."""
        self._invoice(quantity=4, partner=self.other_customer)
        self._invoice()  # Mario's company: 10 credits
        theirs = self._ticket(self.cat_logs, partner=self.other_contact)
        self.assertEqual(theirs.coverage, "extra")
        theirs.message_subscribe(partner_ids=self.contact.ids)
        self.authenticate("mario_richieste", "mario-richieste-1")
        response = self.url_open(f"/my/ticket/{theirs.id}")
        self.assertEqual(response.status_code, 200, "a follower reads the request")
        self.assertIn(theirs.number, response.text)
        self.assertNotIn("ne avete 40", response.text)
        self.assertNotIn("support_terms_coverage_cost", response.text)
        # and its own request still says what it has
        own = self._ticket(self.cat_logs)
        page = self.url_open(f"/my/ticket/{own.id}").text
        self.assertIn("Costa 3 crediti; ne avete 10.", page)

    def test_a_shared_link_does_not_tell_the_credits_left(self):
        """A visitor with the link of the request (its access token) reads
        the request, not the credits its customer has left."""
        self._invoice(quantity=4, partner=self.other_customer)
        theirs = self._ticket(self.cat_logs, partner=self.other_contact)
        token = theirs._portal_ensure_token()
        response = self.url_open(f"/my/ticket/{theirs.id}?access_token={token}")
        self.assertEqual(response.status_code, 200)
        self.assertIn(theirs.number, response.text)
        self.assertIn("support_terms_coverage", response.text)
        self.assertNotIn("support_terms_coverage_cost", response.text)

    def test_a_follower_gets_no_link_to_another_customers_quotation(self):
        """The quotation of an extra on quote is signed and paid by the
        customer: a follower of another company reading the request gets no
        link to it (the link carries the quotation's access token)."""
        theirs = self._ticket(self.cat_feature, partner=self.other_contact)
        theirs.action_create_quote()
        quote = theirs.support_quote_id
        token = quote._portal_ensure_token()
        theirs.message_subscribe(partner_ids=self.contact.ids)
        self.authenticate("mario_richieste", "mario-richieste-1")
        page = self.url_open(f"/my/ticket/{theirs.id}").text
        self.assertIn(theirs.number, page)
        self.assertNotIn(f"/my/orders/{quote.id}", page)
        self.assertNotIn(token, page)
        # the customer's own request links its quotation
        own = self._ticket(self.cat_feature)
        own.action_create_quote()
        page = self.url_open(f"/my/ticket/{own.id}").text
        self.assertIn(f"/my/orders/{own.support_quote_id.id}", page)
