"""The Italian demo of scripts/demo, as a new provider's office manager and
its customers find it (an Italian provider's first hour).

Run by scripts/test on the database scripts/_common.sh's
build_demo_database builds, never on the US test database.
"""

import re
from datetime import datetime, time

from freezegun import freeze_time

from odoo import fields
from odoo.tests import HttpCase, tagged

# login, password, the one situation the customer's portal shows, as
# scripts/demo prints them
PORTAL_LOGINS = {
    "luigi@trattoriadagino.example": "luigi",
    "anna@studioferri.example": "anna",
    "chiara@boutiquemarina.example": "chiara",
    "paolo@bassi.example": "paolo",
    "elena@otticavisconti.example": "elena",
    "emma@ilpoggio.example": "emma",
    "giorgio@fornobruno.example": "giorgio",
}


@tagged("post_install", "-at_install")
class TestItalianDemo(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.ref("base.main_company")
        data = cls.env["ir.model.data"].search(
            [("module", "=", "support_terms"), ("name", "=like", "demo\\_%")]
        )
        cls.demo_customers = cls.env["res.partner"].browse(
            data.filtered(lambda d: d.model == "res.partner").mapped("res_id")
        )
        cls.tickets = cls.env["helpdesk.ticket"].search([])
        cls.contracts = cls.env["contract.contract"].search(
            [("partner_id", "child_of", cls.demo_customers.ids)]
        )

    def test_an_italian_provider(self):
        """ "Un fornitore italiano (EUR, il piano dei conti italiano e l'IVA al
        22%, indirizzo, partita IVA e PEC italiani, it_IT per l'azienda, lo
        staff e la maggior parte dei clienti, alcuni di lingua inglese)"."""
        company = self.company
        self.assertEqual(company.country_id.code, "IT")
        self.assertEqual(company.currency_id.name, "EUR")
        self.assertEqual(company.chart_template, "it")
        self.assertRegex(company.vat, r"^IT\d{11}$")
        self.assertTrue(company.partner_id.l10n_it_pec_email)
        self.assertTrue(company.street and company.zip and company.city)
        self.assertNotIn("YourCompany", company.name)
        self.assertEqual(company.partner_id.lang, "it_IT")
        staff = self.env["res.users"].search(
            [("share", "=", False), ("company_ids", "in", company.ids)]
        )
        self.assertTrue(staff)
        self.assertEqual(set(staff.mapped("lang")), {"it_IT"})
        # customers see the assignee's contact on their requests
        for user in staff:
            self.assertNotIn("yourcompany", user.email)
            self.assertTrue(user.phone.startswith("+39"), user.phone)
        langs = self.demo_customers.mapped("lang")
        self.assertIn("en_US", langs, "a few customers speak English")
        self.assertGreater(langs.count("it_IT"), langs.count("en_US"))

    def test_customer_invoices_carry_22_percent_vat(self):
        """ "EUR, il piano dei conti italiano e l'IVA al 22%"."""
        invoices = self.env["account.move"].search(
            [
                ("move_type", "=", "out_invoice"),
                ("partner_id", "child_of", self.demo_customers.ids),
                ("state", "=", "posted"),
            ]
        )
        self.assertGreaterEqual(len(invoices), 4)
        self.assertEqual(set(invoices.currency_id.mapped("name")), {"EUR"})
        lines = invoices.invoice_line_ids.filtered(
            lambda line: line.display_type == "product"
        )
        for line in lines:
            self.assertEqual(
                line.tax_ids.mapped("amount"),
                [22.0],
                f"{line.move_id.name}: {line.name}",
            )
        for invoice in invoices:
            self.assertAlmostEqual(
                invoice.amount_tax, round(invoice.amount_untaxed * 0.22, 2)
            )

    def test_every_coverage_value_on_the_demo_requests(self):
        """ "Ticket di ogni tipo, stato e copertura"."""
        values = dict(self.tickets._fields["coverage"].selection)
        self.assertEqual(set(self.tickets.mapped("coverage")), set(values))
        self.assertGreater(len(set(self.tickets.mapped("stage_id"))), 2)

    def test_the_stories_of_the_demo(self):
        """ "Urgenti davvero urgenti con la loro scadenza, extra con crediti e
        addebiti, un preventivo in attesa, un avviso di chiusura automatica,
        un cliente sospeso, una disdetta tardiva, un rimborso"."""
        urgent = self.tickets.filtered("is_urgent")
        self.assertTrue(urgent)
        self.assertEqual(set(urgent.mapped("priority")), {"3"})
        deadlines = urgent.ticket_sla_ids.mapped("deadline")
        self.assertTrue(deadlines and all(deadlines), "urgent requests have a deadline")
        extras = self.tickets.filtered(lambda t: t.coverage == "extra")
        self.assertTrue(extras.support_credit_move_ids, "an extra paid with credits")
        self.assertTrue(self.tickets.support_charge_ids, "a request charged")
        self.assertIn("waiting", self.tickets.mapped("support_quote_state"))
        self.assertTrue(
            self.tickets.filtered("auto_close_warned_date"),
            "a request warned of its automatic closing",
        )
        suspensions = self.env["support.service.suspension"].search(
            [("partner_id", "child_of", self.demo_customers.ids)]
        )
        self.assertTrue(suspensions, "a customer suspended for an unpaid invoice")
        late = self.env["support.cancellation.notice"].search(
            [("state", "=", "confirmed"), ("on_time", "=", False)]
        )
        self.assertTrue(late, "a notice received too late")
        refunded = self.env["support.cancellation.notice"].search(
            [("state", "=", "confirmed"), ("refund_move_ids", "!=", False)]
        )
        self.assertEqual(refunded.refund_move_ids.mapped("state"), ["posted"])

    def test_the_helpdesk_holds_the_provider_s_requests_only(self):
        """ "Nessun ticket o team dimostrativo di altri moduli nell'helpdesk del
        fornitore; OdooBot mai assegnatario"."""
        odoobot = self.env.ref("base.user_root")
        self.assertFalse(self.tickets.filtered(lambda t: t.user_id == odoobot))
        self.assertFalse(self.tickets.filtered(lambda t: not t.user_id))
        ours = self.env.ref("support_terms.demo_tpl_team")
        self.assertEqual(self.env["helpdesk.ticket.team"].search([]), ours)
        self.assertEqual(self.tickets.team_id, ours)
        # the kinds of request the portal's form offers are the provider's
        kinds = self.env["helpdesk.ticket.category"].search([])
        self.assertTrue(kinds)
        for xmlid in kinds.get_external_id().values():
            self.assertTrue(xmlid.startswith("support_terms"), xmlid)
        self.assertLessEqual(
            set(self.tickets.partner_id.commercial_partner_id.ids),
            set(self.demo_customers.ids),
        )

    def test_each_portal_user_logs_in(self):
        """ "Diversi utenti del portale, ciascuno con una situazione": each
        login scripts/demo prints opens the customer's area."""
        for login, password in PORTAL_LOGINS.items():
            with self.subTest(login=login):
                self.opener.cookies.clear()
                page = self.url_open("/web/login")
                csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
                response = self.url_open(
                    "/web/login",
                    data={
                        "login": login,
                        "password": password,
                        "csrf_token": csrf.group(1),
                    },
                )
                self.assertEqual(response.status_code, 200)
                self.assertTrue(response.url.endswith("/my"), response.url)
                user = self.env["res.users"].search([("login", "=", login)])
                self.assertIn(user.partner_id.name, response.text)

    def test_the_demo_payment_provider_takes_payments(self):
        """ "Un fornitore di pagamento dimostrativo perché 'Paga ora'
        funzioni"."""
        provider = self.env.ref("payment.payment_provider_demo")
        self.assertEqual(provider.state, "test")
        self.assertTrue(provider.is_published)
        self.assertIn(self.company, provider.company_id)

    def _contract_invoices(self):
        return self.env["account.move.line"].search(
            [("contract_line_id", "in", self.contracts.contract_line_ids.ids)]
        )

    def _run_invoicing_twice(self):
        cron = self.env.ref("contract.contract_cron_for_invoice")
        for _run in range(2):
            cron.ir_actions_server_id.run()

    def test_the_invoicing_action_bills_nobody_twice(self):
        """ "Fatture e recurring_next_date coerenti, così che l'azione di
        fatturazione crei solo ciò che è davvero dovuto": nothing for a
        period already invoiced, nothing for an ended service, run twice."""
        self.assertGreaterEqual(len(self.contracts), 5)
        before = self._contract_invoices()
        self._run_invoicing_twice()
        self.assertEqual(self._contract_invoices(), before)
        # the day Il Poggio's hosting starts, its first year is due: once
        poggio = self.env.ref("support_terms.demo_line_poggio_hosting")
        ended = self.env.ref("support_terms.demo_line_bassi_hosting")
        with freeze_time(datetime.combine(poggio.date_start, time(10))):
            self.assertEqual(fields.Date.today(), poggio.date_start)
            self._run_invoicing_twice()
        new = self._contract_invoices() - before
        self.assertEqual(new.contract_line_id, poggio)
        self.assertEqual(len(new), 1)
        self.assertEqual(
            len(before.filtered(lambda line: line.contract_line_id == ended)), 1
        )
