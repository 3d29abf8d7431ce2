import json
from datetime import timedelta

from odoo.tests import tagged

from .common_portal_customer import PortalCustomerCase


@tagged("post_install", "-at_install")
class TestPortalHomeCounters(PortalCustomerCase):
    """The customer's home gives the facts at a glance.

    Issue scenario: "counters on the cards (open requests, services expiring
    soon, credits left, amount due)".
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        team = cls.env["helpdesk.ticket.team"].create({"name": "Supporto Gino"})
        stages = cls.env["helpdesk.ticket.stage"]
        open_stage = stages.search([("closed", "=", False)], limit=1)
        done_stage = stages.search([("closed", "=", True)], limit=1)
        tickets = cls.env["helpdesk.ticket"]
        for name, partner, stage in (
            ("Il sito non si apre", cls.luigi, open_stage),
            ("Nuova casella per la sala", cls.marta, open_stage),
            ("Certificato rinnovato", cls.luigi, done_stage),
            ("Banner da aggiornare", cls.other, open_stage),
        ):
            tickets.create(
                {
                    "name": name,
                    "description": name,
                    "partner_id": partner.id,
                    "team_id": team.id,
                    "stage_id": stage.id,
                }
            )
        # one invoice paid in part, one not at all; another customer's too
        first = cls._posted_invoice(cls.customer, 100.0, 5, cls.hosting)
        cls._posted_invoice(cls.customer, 22.5, -10, cls.mailbox)
        cls._posted_invoice(cls.other, 999.0, 5, cls.banner)
        cls.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=first.ids
        ).create({"amount": 40.0, "payment_date": cls.today})._create_payments()
        # 12 credits granted to the customer, 50 to the other one
        Moves = cls.env["support.credit.move"]
        for partner, quantity in ((cls.customer, 12), (cls.other, 50)):
            Moves.create(
                {
                    "partner_id": partner.id,
                    "move_type": "grant",
                    "quantity": quantity,
                    "expiry_date": cls.today + timedelta(days=300),
                }
            )

    def _counters(self, names):
        response = self.url_open(
            "/my/counters",
            data=json.dumps({"params": {"counters": names}}),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.status_code, 200)
        return response.json()["result"]

    def test_counters_of_the_customer_only(self):
        self.authenticate("luigi_gino", "luigi-gino-1")
        counters = self._counters(
            [
                "support_open_request_count",
                "support_expiring_count",
                "support_credit_count",
                "support_amount_due",
                "support_service_count",
            ]
        )
        # the customer's two open requests (one by a colleague it follows as
        # its company's), not the closed one nor the other customer's
        self.assertEqual(counters["support_open_request_count"], 2)
        # the hosting ends in 20 days; the mailboxes in 265, the website has
        # not started: only the hosting expires within the reminder days
        self.assertEqual(counters["support_expiring_count"], 1)
        self.assertEqual(counters["support_credit_count"], 12)
        # 60.00 left of the first invoice and 22.50 of the second
        self.assertIn("82.50", counters["support_amount_due"])
        self.assertNotIn("999", counters["support_amount_due"])
        self.assertEqual(counters["support_service_count"], 3)

    def test_expiring_within_the_companys_reminder_days_zero_included(self):
        """The services "expiring soon" are those the renewal reminders speak
        of: within the company's reminder days, whatever it sets, none
        included (the reminder then comes on the last day)."""
        self.authenticate("luigi_gino", "luigi-gino-1")
        company = (
            self.env["res.users"].search([("login", "=", "luigi_gino")]).company_id
        )
        for days, expiring in ((20, 1), (19, 0), (0, 0)):
            with self.subTest(days=days):
                company.support_renewal_reminder_days = days
                counters = self._counters(["support_expiring_count"])
                self.assertEqual(counters["support_expiring_count"], expiring)

    def test_home_shows_the_counters(self):
        self.start_tour("/my", "support_terms_portal_home_counters", login="luigi_gino")
