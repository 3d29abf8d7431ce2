from datetime import datetime, timedelta

from odoo.exceptions import UserError
from odoo.tests import BaseCase, tagged

from ..rules.duplicates import similar_subjects
from .common import SupportPlanCase


class TestSimilarSubjects(BaseCase):
    """Seed 004: "ti preghiamo di non aprire ticket differenti per il
    medesimo problema": what makes two subjects the same problem."""

    def test_same_problem(self):
        for first, second in (
            ("Sito lento", "Re: sito lento"),
            ("Il sito non si apre", "URGENTE: il sito non si apre!"),
            (
                "Posta non arriva su info@rossi.it",
                "I: Posta non arriva su info@rossi.it",
            ),
            ("Errore 500 sul sito", "errore 500 sito"),
            ("Certificato SSL scaduto", "Certificato SSL scadutoo"),
        ):
            with self.subTest(first=first, second=second):
                self.assertTrue(similar_subjects(first, second))

    def test_different_problems(self):
        for first, second in (
            ("Sito lento", "Fattura di marzo"),
            ("Posta non arriva", "Nuova casella di posta"),
            ("Richiesta", "Richiesta"),
            ("", "Sito lento"),
        ):
            with self.subTest(first=first, second=second):
                self.assertFalse(similar_subjects(first, second))


@tagged("post_install", "-at_install")
class TestProbableDuplicate(SupportPlanCase):
    """Seed 004: "Se effettui una richiesta ti preghiamo di non aprire ticket
    differenti per il medesimo problema." A new request of the same customer
    with a subject like one of its open requests of the last days is shown
    to staff as a probable duplicate."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.support_duplicate_days = 7
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {"name": "Assistenza", "alias_name": "assistenza-dup"}
        )
        cls.other_contact = cls.env["res.partner"].create(
            {
                "name": "Giulia Bianchi",
                "parent_id": cls.other_customer.id,
                "email": "giulia@bianchi.example",
            }
        )
        cls.colleague = cls.env["res.partner"].create(
            {
                "name": "Anna Rossi",
                "parent_id": cls.customer.id,
                "email": "anna@rossi.example",
            }
        )

    def _mail(self, sender, subject, key, moment=None):
        return self.env["helpdesk.ticket"].browse(
            self.receive_email(
                f"{sender.name} <{sender.email}>",
                "assistenza-dup@example.com",
                subject,
                moment or datetime.now(),
                f"<{key}@mail.example>",
                custom_values={"team_id": self.team.id},
            )
        )

    def test_a_second_request_for_the_same_problem(self):
        first = self._mail(self.contact, "Il sito non si apre", "dup-1")
        # a colleague of the same customer writes about it too
        second = self._mail(self.colleague, "URGENTE: il sito non si apre", "dup-2")
        self.assertFalse(first.support_duplicate_of_id)
        self.assertEqual(second.support_duplicate_of_id, first)
        other = self._mail(self.contact, "Fattura di marzo", "dup-3")
        self.assertFalse(other.support_duplicate_of_id)

    def test_another_customer_is_never_a_duplicate(self):
        self._mail(self.contact, "Il sito non si apre", "dup-4")
        theirs = self._mail(self.other_contact, "Il sito non si apre", "dup-5")
        self.assertFalse(theirs.support_duplicate_of_id)

    def test_closed_or_old_requests_are_not_duplicates(self):
        closed = self._mail(self.contact, "Posta non arriva", "dup-6")
        closed.stage_id = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        again = self._mail(self.contact, "Posta non arriva", "dup-7")
        self.assertNotEqual(again, closed)
        self.assertFalse(again.support_duplicate_of_id)
        old = self._mail(self.contact, "Certificato scaduto", "dup-8")
        self.env.cr.execute(
            "UPDATE helpdesk_ticket SET create_date = %s WHERE id = %s",
            (datetime.now() - timedelta(days=8), old.id),
        )
        old.invalidate_recordset(["create_date"])
        recent = self._mail(self.contact, "Certificato scaduto", "dup-9")
        self.assertFalse(recent.support_duplicate_of_id)

    def test_off_until_the_company_turns_it_on(self):
        self.company.support_duplicate_days = 0
        self._mail(self.contact, "Il sito non si apre", "dup-10")
        second = self._mail(self.contact, "Il sito non si apre", "dup-11")
        self.assertFalse(second.support_duplicate_of_id)

    def test_staff_merge_the_duplicate(self):
        first = self._mail(self.contact, "Il sito non si apre", "dup-12")
        second = self._mail(self.colleague, "Re: il sito non si apre", "dup-13")
        wizard = (
            self.env["helpdesk.ticket.merge"]
            .with_context(active_ids=(first | second).ids)
            .create({})
        )
        self.assertEqual(wizard.dst_ticket_id, first)
        wizard.merge_tickets()
        self.assertFalse(second.active)
        self.assertTrue(first.active)
        self.assertIn("Il sito è lento", first.description)


@tagged("post_install", "-at_install")
class TestMergeRefused(SupportPlanCase):
    """A merge is of one customer's requests in one company: a merge across
    customers or companies is refused, nothing written."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_company = cls.env["res.company"].create({"name": "Altro Srl"})
        cls.env.user.company_ids |= cls.other_company

    def _ticket(self, partner, company=None, **values):
        return self.env["helpdesk.ticket"].create(
            dict(
                {
                    "name": "Il sito non si apre",
                    "description": "<p>Errore</p>",
                    "partner_id": partner.id if partner else False,
                    "company_id": (company or self.company).id,
                },
                **values,
            )
        )

    def _refused(self, tickets, message, **values):
        model = self.env["helpdesk.ticket"]
        wizard = (
            self.env["helpdesk.ticket.merge"]
            .with_context(active_ids=tickets.ids)
            .create(values)
        )
        active = model.search_count([("active", "=", True)])
        messages = self.env["mail.message"].search_count([])
        descriptions = tickets.mapped("description")
        with self.assertRaisesRegex(UserError, message):
            wizard.merge_tickets()
        self.assertEqual(model.search_count([("active", "=", True)]), active)
        self.assertEqual(self.env["mail.message"].search_count([]), messages)
        self.assertEqual(tickets.mapped("active"), [True] * len(tickets))
        self.assertEqual(tickets.mapped("description"), descriptions)

    def test_across_customers(self):
        ours, theirs = self._ticket(self.contact), self._ticket(self.other_customer)
        self._refused(ours | theirs, "requests of different customers")
        anonymous = self._ticket(False, partner_email="luca@webmail.example")
        self._refused(ours | anonymous, "requests of different customers")
        self._refused(
            ours | theirs,
            "requests of different customers",
            create_new_ticket=True,
            dst_ticket_name="Unione",
        )

    def test_across_companies(self):
        here = self._ticket(self.contact)
        there = self._ticket(self.contact, company=self.other_company)
        self._refused(here | there, "requests of different companies")
