import re
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import format_amount

from .common_coverage import CoverageCase

ADDONS = [
    "helpdesk_mgmt",
    "helpdesk_mgmt_sla",
    "portal",
    "support_terms",
    "support_terms_auto_close",
    "support_terms_coverage",
    "support_terms_plan",
    "support_terms_sla",
]


class PortalRequestCase(HttpCase, CoverageCase):
    """A customer of the BASIC plan, in Italian, who sends its requests from
    the portal: log analyses cost 3 credits, outages are included, repairs
    for misuse a fixed fee, new features a quote, its own code is excluded."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.module.module"]._load_module_terms(ADDONS, ["it_IT"])
        cls.company.support_credit_grant_on = "posted"
        cls.company.support_tz = "Europe/Rome"
        cls.team.show_in_portal = True
        cls.plan_basic.channel_ids = [
            Command.link(cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web").id)
        ]
        cls.contact.lang = "it_IT"
        cls.portal = new_test_user(
            cls.env,
            login="mario_richieste",
            password="mario-richieste-1",
            groups="base.group_portal",
            partner_id=cls.contact.id,
        )
        cls.other_contact = cls.env["res.partner"].create(
            {
                "name": "Giulia Bianchi",
                "parent_id": cls.other_customer.id,
                "email": "giulia@bianchi.example",
                "lang": "it_IT",
            }
        )
        cls.hidden_kind = cls.env["helpdesk.ticket.category"].create(
            {"name": "Interna dello staff", "show_in_portal": False}
        )

    def _form(self):
        self.authenticate("mario_richieste", "mario-richieste-1")
        response = self.url_open("/new/ticket", timeout=60)
        self.assertEqual(response.status_code, 200)
        return response.text

    def _post(self, form, **data):
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
        return self.url_open(
            "/submitted/ticket",
            data={
                "csrf_token": csrf,
                "subject": "Log del sito",
                "description": "Vorrei capire gli errori nei log.",
                "team": self.team.id,
                **data,
            },
            timeout=60,
        )

    def _tickets(self):
        return self.env["helpdesk.ticket"].search(
            [("partner_id", "=", self.contact.id)]
        )


@tagged("post_install", "-at_install")
class TestPortalRequestKind(PortalRequestCase):
    def test_form_asks_the_kind_and_shows_its_cost(self):
        """ "Prima di intervenire, cerchiamo sempre di stabilire se una
        richiesta è da considerarsi 'extra' o se si tratta di un assistenza
        coperta dal servizio": the form asks the kind of request and says,
        before sending, what the plan says of it and what it costs."""
        self._invoice()  # a pack of 10 credits
        form = self._form()
        self.assertIn('name="category"', form)
        self.assertIn("Analisi dei log", form)
        self.assertIn("Costa 3 crediti; ne avete 10.", form)
        self.assertIn("Compresa nel vostro piano.", form)
        fee = format_amount(self.env, 80.0, self.company.currency_id, lang_code="it_IT")
        self.assertIn(f"Extra: costa {fee} + IVA.", form)
        self.assertIn("Extra, su preventivo", form)
        self.assertIn("Non coperta dal vostro piano", form)
        # a kind the plan has no rule for is assessed by staff first
        self.assertIn("La valutiamo prima di intervenire", form)
        # a kind staff keep for themselves is not offered
        self.assertNotIn("Interna dello staff", form)

    def test_form_addresses_the_customer_as_voi(self):
        """One form of address in the portal, as the terms: "voi"."""
        form = self._form()
        self.assertIn("Nuova richiesta", form)
        self.assertIn("Inviate la richiesta", form)
        self.assertIn("Selezionatelo solo per un problema", form)
        for singular in ("Invia Ticket", "Aggiungi Allegati", "Selezionalo"):
            self.assertNotIn(singular, form)

    def test_not_enough_credits_said_before_sending(self):
        form = self._form()
        self.assertIn("Costa 3 crediti; ne avete 0.", form)
        self.assertIn("I vostri crediti non bastano", form)

    def test_chosen_kind_reaches_the_request(self):
        """The kind chosen on the form is the request's: its coverage is the
        plan's rule, no longer to assess, and its page says what it costs."""
        self._invoice()
        response = self._post(self._form(), category=self.cat_logs.id)
        self.assertEqual(response.status_code, 200)
        ticket = self._tickets()
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.category_id, self.cat_logs)
        self.assertEqual(ticket.coverage, "extra")
        self.assertIn(f"/my/ticket/{ticket.id}", response.url)
        self.assertIn("Costa 3 crediti; ne avete 10.", response.text)

    def test_kind_not_offered_is_refused(self):
        """A kind the form does not offer (kept by staff, or nonsense) is
        refused with a clear error, the form keeps what was typed, and no
        request is created."""
        form = self._form()
        for kind in (self.hidden_kind.id, "999999999", "abc"):
            with self.subTest(kind=kind):
                response = self._post(form, category=kind)
                self.assertEqual(response.status_code, 400)
                self.assertIn("Scegliete il tipo di richiesta tra", response.text)
                self.assertIn("Vorrei capire gli errori nei log.", response.text)
                self.assertFalse(self._tickets())

    def test_nonsense_kind_where_the_form_asks_none(self):
        """Where neither the plan's terms nor the company ask the kind of
        request, the form has no kind: one posted anyway, even a text that
        is no kind at all, is ignored and the request is sent."""
        self.plan_basic.coverage_rule_ids.unlink()
        self.company.helpdesk_mgmt_portal_select_category = False
        form = self._form()
        self.assertNotIn('name="category"', form)
        response = self._post(form, category="abc")
        self.assertEqual(response.status_code, 200)
        ticket = self._tickets()
        self.assertEqual(len(ticket), 1)
        self.assertFalse(ticket.category_id)
        self.assertIn(f"/my/ticket/{ticket.id}", response.url)

    def test_form_keeps_the_kind_when_shown_again(self):
        form = self._form()
        response = self._post(form, category=self.cat_logs.id, impact="nonsense")
        self.assertEqual(response.status_code, 400)
        self.assertRegex(
            response.text,
            rf'<option value="{self.cat_logs.id}"\s+selected="True"',
        )
        self.assertFalse(self._tickets())

    def test_tour_new_request_with_its_cost(self):
        self._invoice()
        self.start_tour(
            "/new/ticket", "support_terms_portal_request_kind", login="mario_richieste"
        )
        ticket = self._tickets()
        self.assertEqual(ticket.name, "Analisi dei log del sito")
        self.assertEqual(ticket.category_id, self.cat_logs)
        self.assertEqual(ticket.coverage, "extra")


@tagged("post_install", "-at_install")
class TestPortalTicketFacts(PortalRequestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team.use_sla = True
        cls.plan_basic.auto_close_days = 7
        cls.env["helpdesk.sla"].create(
            {
                "name": "Presa in carico BASIC",
                "team_ids": [Command.set(cls.team.ids)],
                "support_plan_ids": [Command.set(cls.plan_basic.ids)],
                "hours": 4,
                "stage_id": cls.stage_progress.id,
                "resource_calendar_id": cls.plan_basic.resource_calendar_id.id,
            }
        )

    def _facts_ticket(self):
        # Friday 4 December 2026, 15:30 in Rome (14:30 UTC), in support hours
        arrival = datetime(2026, 12, 4, 14, 30)
        with freeze_time(arrival):
            ticket = self._ticket(self.cat_logs, is_urgent=True)
            self.env.cr.execute(
                "UPDATE helpdesk_ticket SET create_date = %s WHERE id = %s",
                (arrival, ticket.id),
            )
            ticket.invalidate_recordset(["create_date"])
            ticket.set_sla()
            ticket.waiting_since = arrival
        return ticket

    def test_ticket_page_shows_the_facts(self):
        """ "La presa in carico della richiesta sarà sempre comunicata via
        email unitamente alla ipotetica data / ora di risoluzione": the page
        of a request gives the customer the facts of its terms, in Italian,
        dates in the company's time zone."""
        self._invoice()
        # a customer travelling abroad still reads the company's hours
        self.portal.tz = "America/New_York"
        ticket = self._facts_ticket()
        self.assertTrue(ticket.sla_deadline)
        self.assertTrue(ticket.auto_close_date)
        self.authenticate("mario_richieste", "mario-richieste-1")
        page = self.url_open(f"/my/ticket/{ticket.id}", timeout=60).text
        facts = page[page.index('name="portal_my_task_second_column"') :]
        self.assertIn("Piano:", facts)
        self.assertIn("BASIC plan", facts)
        self.assertIn("Urgente", facts)
        priorities = dict(
            ticket._fields["priority"]._description_selection(
                self.env(context={"lang": "it_IT"})
            )
        )
        self.assertIn("Priorità:", facts)
        self.assertIn(priorities[ticket.priority], facts)
        self.assertIn("Copertura:", facts)
        self.assertIn("Extra", facts)
        self.assertIn("Costa 3 crediti; ne avete 10.", facts)
        self.assertIn("La prenderemo in carico entro:", facts)
        self.assertIn("la richiesta si chiude il:", facts)
        # dates as the company's day reads them (Europe/Rome), in Italian
        deadline = ticket.sla_deadline + timedelta(hours=1)
        self.assertIn(deadline.strftime("%d/%m/%y, %H:%M"), facts)
        closing = ticket.auto_close_date + timedelta(hours=1)
        self.assertIn(closing.strftime("%d/%m/%y, %H:%M"), facts)
        self.assertIn("Europe/Rome", facts)
        # its arrival too: 14:30 UTC, 15:30 in Rome
        self.assertIn("04/12/2026 15:30:00", page)

    def test_credits_charged_replace_the_price(self):
        self._invoice()
        ticket = self._facts_ticket()
        self.env["support.credit.move"]._consume(
            self.customer, self.company, 3, ticket=ticket
        )
        self.authenticate("mario_richieste", "mario-richieste-1")
        page = self.url_open(f"/my/ticket/{ticket.id}", timeout=60).text
        self.assertIn("Crediti addebitati:", page)
        self.assertNotIn("Costa 3 crediti", page)

    def test_someone_elses_ticket_is_not_shown(self):
        """Another customer's request is not shown: the customer is taken
        back to the portal's home, as OCA's portal does."""
        theirs = self._ticket(self.cat_logs, partner=self.other_contact)
        self.authenticate("mario_richieste", "mario-richieste-1")
        # followed as the browser does (an Italian user is first sent to /it)
        home = self.url_open(f"/my/ticket/{theirs.id}", timeout=60)
        self.assertEqual(home.status_code, 200)
        self.assertTrue(home.url.endswith("/my"), home.url)
        self.assertNotIn(theirs.number, home.text)
        self.assertNotIn("Giulia", home.text)

    def test_tour_ticket_page_facts(self):
        self._invoice()
        ticket = self._facts_ticket()
        self.start_tour(
            f"/my/ticket/{ticket.id}",
            "support_terms_portal_ticket_facts",
            login="mario_richieste",
        )
