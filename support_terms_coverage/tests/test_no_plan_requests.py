from datetime import datetime

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.support_terms_plan.tests.common import UNKNOWN_ADDRESS

from .common import CoverageCase

T0 = datetime(2026, 3, 10, 15, 0)  # Tuesday, 16:00 in Rome


@tagged("post_install", "-at_install")
class TestRequestsWithoutPlan(CoverageCase):
    """Seed 001: "In assenza di un contratto di Assistenza Tecnica annuale, le
    richieste di intervento saranno gestite secondo le modalità, tempistiche
    e tariffe del servizio di supporto al cliente"; seed 004: "Forniamo
    assistenza sistemistica ed applicativa solo ai nostri clienti".

    The company chooses what a request without a plan gets when it arrives:
    a quote before the work, a fixed fee, or a refusal for somebody who is no
    customer; the requester is told by email, in its language, before any
    work. By default nothing changes: staff decide, as paid support."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team.alias_name = "supporto-noplan"
        cls.company.support_team_id = cls.team
        # a customer with a hosting service in force, and no support plan
        cls.hosting_customer = cls.env["res.partner"].create(
            {
                "name": "Verdi Hotel Srl",
                "is_company": True,
                "email": "info@verdihotel.example",
                "lang": "it_IT",
            }
        )
        cls._create_contract(cls.hosting_customer, cls.product_hosting, "2026-01-01")
        # somebody who holds nothing with the company
        cls.stranger = cls.env["res.partner"].create(
            {
                "name": "Anna Neri",
                "email": "anna@neri.example",
                "lang": "it_IT",
            }
        )
        # the emails in the customer's language
        cls.env["ir.module.module"]._load_module_terms(
            ["support_terms_coverage"], ["it_IT"], overwrite=True
        )
        cls.fee = cls._create_product("Intervento senza contratto", cls.company)
        cls.fee.lst_price = 60.0
        cls.agent = new_test_user(
            cls.env,
            login="agent_no_plan",
            groups="helpdesk_mgmt.group_helpdesk_user,"
            "support_terms_base.group_support_terms_user,"
            "sales_team.group_sale_salesman",
            name="Giulia Agente",
        )

    def _mail_from(self, sender, subject, message_id):
        return self.env["helpdesk.ticket"].browse(
            self.receive_email(
                sender,
                "supporto-noplan@example.com",
                subject,
                T0,
                message_id,
                custom_values={"team_id": self.team.id},
            )
        )

    def _mails(self, ticket, subject_words):
        self.env.cr.precommit.run()
        return self.env["mail.mail"].search(
            [
                ("model", "=", "helpdesk.ticket"),
                ("res_id", "=", ticket.id),
                ("subject", "ilike", subject_words),
            ]
        )

    def test_nothing_changes_by_default(self):
        """Until the company chooses, a request without a plan is served as
        paid support: nothing charged, quoted, refused or emailed."""
        self.assertEqual(self.company.support_no_plan_mode, "paid_support")
        ticket = self._mail_from(
            "Anna Neri <anna@neri.example>", "Sito lento", "<d1@neri.example>"
        )
        self.assertFalse(ticket.support_plan_id)
        self.assertFalse(ticket.support_no_plan_rule)
        self.assertFalse(ticket.support_charge_ids)
        self.assertFalse(ticket.stage_id.closed)
        self.assertFalse(self._mails(ticket, "preventivo"))
        self.assertFalse(self._mails(ticket, "nostri clienti"))
        self.agent_works_on(ticket)

    def agent_works_on(self, ticket):
        ticket.with_user(self.agent).write({"stage_id": self.stage_progress.id})
        self.assertEqual(ticket.stage_id, self.stage_progress)

    def test_quote_before_work(self):
        """ "secondo le modalità, tempistiche e tariffe del servizio di
        supporto": a request by email without a plan waits for a quote the
        customer accepts; the customer is told in Italian before any work."""
        self.company.write(
            {"support_no_plan_mode": "quote", "support_no_plan_product_id": self.fee.id}
        )
        ticket = self._mail_from(
            "Verdi Hotel <info@verdihotel.example>",
            "Nuova casella email",
            "<q1@verdihotel.example>",
        )
        self.assertEqual(ticket.partner_id, self.hosting_customer)
        self.assertFalse(ticket.support_plan_id)
        self.assertEqual(ticket.support_no_plan_rule, "quote")
        mails = self._mails(ticket, "vi invieremo un preventivo")
        self.assertEqual(len(mails), 1)
        self.assertIn("tariffe del nostro servizio di supporto", mails.body_html)
        self.assertIn(self.hosting_customer, mails.recipient_ids)
        # no work before the quote is accepted, whoever tries
        with self.assertRaises(UserError) as caught:
            ticket.with_user(self.agent).with_context(lang="it_IT").write(
                {"stage_id": self.stage_progress.id}
            )
        self.assertIn("Create prima il preventivo", str(caught.exception))
        self.assertEqual(ticket.stage_id, self.stage_new)
        ticket.with_user(self.agent).action_create_quote()
        quote = ticket.support_quote_id
        self.assertEqual(quote.partner_id, self.hosting_customer)
        self.assertEqual(quote.order_line.product_id, self.fee)
        quote.action_confirm()
        self.assertEqual(ticket.stage_id, self.stage_progress)

    def test_fixed_fee_per_request(self):
        """A fixed fee per request without a plan: charged on arrival, once,
        at the product's price, which the customer reads in the email."""
        self.company.write(
            {
                "support_no_plan_mode": "fixed_fee",
                "support_no_plan_product_id": self.fee.id,
            }
        )
        ticket = self._mail_from(
            "Anna Neri <anna@neri.example>", "Backup del sito", "<f1@neri.example>"
        )
        self.assertEqual(ticket.support_no_plan_rule, "fixed_fee")
        charge = ticket.support_charge_ids
        self.assertEqual(len(charge), 1)
        self.assertEqual(
            (charge.kind, charge.product_id, charge.price_unit, charge.partner_id),
            ("outside_plan", self.fee, 60.0, self.stranger),
        )
        mails = self._mails(ticket, "la vostra richiesta sarà addebitata")
        self.assertEqual(len(mails), 1)
        self.assertIn("60,00", mails.body_html)
        # the fee does not stop the work
        self.agent_works_on(ticket)
        self.assertEqual(len(ticket.support_charge_ids), 1)

    def test_customers_only_refuses_non_customers(self):
        """ "solo ai nostri clienti": a request from somebody who holds no
        service is refused with a polite email in its language and closed; a
        customer with a service in force but no plan is served."""
        self.company.support_no_plan_mode = "refuse"
        refused = self._mail_from(
            "Anna Neri <anna@neri.example>", "Il mio server", "<r1@neri.example>"
        )
        self.assertEqual(refused.support_no_plan_rule, "refused")
        self.assertTrue(refused.stage_id.closed)
        self.assertEqual(
            refused.stage_id,
            self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_rejected"),
        )
        mails = self._mails(refused, refused.number)
        self.assertEqual(len(mails), 1, mails.mapped("subject"))
        self.assertIn("solo ai nostri clienti", mails.subject)
        self.assertIn("l'abbiamo chiusa", mails.body_html)

        served = self._mail_from(
            "Verdi Hotel <info@verdihotel.example>",
            "Posta non arriva",
            "<r2@verdihotel.example>",
        )
        self.assertEqual(served.partner_id, self.hosting_customer)
        self.assertFalse(served.support_no_plan_rule)
        self.assertFalse(served.stage_id.closed)
        self.assertFalse(self._mails(served, "nostri clienti"))

        # a sender that matches no contact is no customer either: told in
        # the company's language at its own address, no contact created
        unknown = self._mail_from(
            f"Luca Verdi <{UNKNOWN_ADDRESS}>", "Help", "<r3@webmail.example>"
        )
        self.assertEqual(unknown.support_no_plan_rule, "refused")
        mails = self._mails(unknown, "customers only")
        self.assertEqual(len(mails), 1)
        self.assertIn(UNKNOWN_ADDRESS, mails.email_to)

    def test_staff_logging_a_request_get_the_same_rule(self):
        """The rule applies whoever logs the request: staff recording a
        phone call from a non-customer see it refused and closed."""
        self.company.support_no_plan_mode = "refuse"
        with Form(self.env["helpdesk.ticket"].with_user(self.agent)) as form:
            form.name = "Telefonata: sito lento"
            form.description = "Chiede assistenza sul suo server."
            form.partner_id = self.stranger
        ticket = form.save()
        self.assertEqual(ticket.support_no_plan_rule, "refused")
        self.assertTrue(ticket.stage_id.closed)
        self.assertEqual(len(self._mails(ticket, "nostri clienti")), 1)

    def test_fixed_fee_needs_its_product(self):
        """A fixed fee with no product is refused, in Italian, nothing written."""
        with self.assertRaises(ValidationError) as caught:
            self.company.with_context(lang="it_IT").write(
                {"support_no_plan_mode": "fixed_fee"}
            )
        self.assertIn("Scegliete prima il prodotto", str(caught.exception))
        self.company.invalidate_recordset()
        self.assertEqual(self.company.support_no_plan_mode, "paid_support")
