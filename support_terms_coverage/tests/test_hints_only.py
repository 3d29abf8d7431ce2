from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import CoverageCase


@tagged("post_install", "-at_install")
class TestHintsOnly(CoverageCase):
    """Seed 004: "Codice realizzato personalmente [...] Possiamo comunque
    fornirvi eventuali indizi sugli errori o indicarvi come leggere al meglio
    le informazioni fornite all'interno dei log del web server" and, for
    software "da noi non supportato", "vi forniremo la medesima assistenza".
    Such a request is answered with hints only: no intervention, no quote."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cat_unsupported = cls.env.ref(
            "support_terms_coverage.helpdesk_ticket_category_unsupported_software"
        )
        cls.rule_unsupported = cls.env["support.coverage.rule"].create(
            {
                "plan_id": cls.plan_basic.id,
                "category_id": cls.cat_unsupported.id,
                "coverage": "hints",
                "note": "Software we do not support: we point you to the errors.",
            }
        )
        cls.agent = new_test_user(
            cls.env,
            login="agent_hints",
            groups="helpdesk_mgmt.group_helpdesk_user,"
            "support_terms_base.group_support_terms_user",
        )
        cls.contact.email = "mario.rossi@rossi.example"
        cls.team.alias_name = "supporto-hints"

    def _emailed_request(self):
        ticket = self.env["helpdesk.ticket"].browse(
            self.receive_email(
                "Mario Rossi <mario.rossi@rossi.example>",
                "supporto-hints@example.com",
                "Errore nel mio gestionale PHP",
                self.env.cr.now(),
                "<hints-1@rossi.example>",
                body="Il gestionale che ho scritto dà errore 500.",
                custom_values={"team_id": self.team.id},
            )
        )
        self.assertEqual(ticket.partner_id, self.contact)
        # staff give it its kind
        with Form(ticket.with_user(self.agent)) as form:
            form.category_id = self.cat_unsupported
        return ticket

    def _hint_emails(self, ticket):
        return ticket.message_ids.filtered(
            lambda m: "we will give you hints" in (m.body or "")
        )

    def test_the_customer_is_told_once_it_gets_hints_without_a_quote(self):
        ticket = self._emailed_request()
        self.assertEqual(ticket.coverage, "hints")
        self.assertEqual(ticket.support_coverage_rule_id, self.rule_unsupported)
        told = self._hint_emails(ticket)
        self.assertEqual(len(told), 1)
        self.assertIn("we will not intervene", told.body)
        self.assertIn("we point you to the errors", told.body)
        self.assertNotIn("quote", told.body)
        self.assertIn(self.contact, told.partner_ids)
        ticket.with_user(self.agent).name = "Errore 500 nel gestionale"
        self.assertEqual(len(self._hint_emails(ticket)), 1)

    def test_no_quote_is_offered(self):
        ticket = self._emailed_request()
        orders = self.env["sale.order"].search_count([])
        with self.assertRaises(UserError):
            ticket.with_user(self.agent).action_create_quote()
        self.assertFalse(ticket.support_quote_id)
        self.assertEqual(self.env["sale.order"].search_count([]), orders)

    def test_a_hints_rule_is_neither_billed_nor_quoted(self):
        rules = self.env["support.coverage.rule"]
        before = rules.search_count([])
        for mode, extra in (
            ("quote", {"product_id": self.product_dev.id}),
            ("credits", {"credits": 2}),
        ):
            with self.subTest(mode=mode), self.assertRaises(ValidationError) as caught:
                rules.create(
                    dict(
                        {
                            "plan_id": self.plan_premium.id,
                            "category_id": self.cat_own_code.id,
                            "coverage": "hints",
                            "billing_mode": mode,
                        },
                        **extra,
                    )
                )
            self.assertIn(
                "hints only is neither billed nor quoted", str(caught.exception)
            )
        self.assertEqual(rules.search_count([]), before)

    def test_an_exclusion_offers_a_quote_only_when_its_rule_does(self):
        quoted = self._ticket(self.cat_own_code)
        self.assertEqual(quoted.coverage_billing_mode, "quote")
        self.rule_own_code.write({"billing_mode": False, "product_id": False})
        unquoted = self._ticket(self.cat_own_code)
        for ticket, offered in ((quoted, True), (unquoted, False)):
            told = ticket.message_ids.filtered(
                lambda m: "is not covered by your support plan" in (m.body or "")
            )
            self.assertEqual(len(told), 1)
            self.assertEqual("send you a quote" in told.body, offered)
