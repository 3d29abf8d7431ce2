from freezegun import freeze_time

from odoo.tests import new_test_user, tagged

from odoo.addons.support_terms_auto_close.tests.common import day
from odoo.addons.support_terms_auto_close.tests.test_auto_close_email_reply import (
    CUSTOMER,
    UNKNOWN,
    EmailReplyCase,
)

STRANGER = "Paolo Neri <paolo.neri@neri.example>"


@tagged("post_install", "-at_install")
class TestOnlyTheCustomerActsOnItsRequest(EmailReplyCase):
    """ "In caso di richieste di particolare urgenza occorre tassativamente
    indicare il termine URGENTE nell'oggetto dell'email" and "il ticket di
    assistenza viene chiuso automaticamente entro 7 giorni, se non riceviamo
    risposta dal cliente": the urgency and the reply are the customer's. A
    forwarded thread, a Cc or another customer who knows the thread writes in
    it: the email is logged on the request and changes nothing else."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_contact = cls.env["res.partner"].create(
            {
                "name": "Giulia Bianchi",
                "parent_id": cls.other_customer.id,
                "email": "giulia@bianchi.example",
            }
        )

    def _waiting_request(self, sender=f"Mario Rossi <{CUSTOMER}>"):
        ticket = self.env["helpdesk.ticket"].browse(
            self._receive(sender, "Sito lento", day(0), "<first@rossi.example>")
        )
        with freeze_time(day(0, 1)):
            ticket.write({"stage_id": self.stage_progress.id})
            self._wait(ticket)
        self.assertTrue(ticket.waiting_since)
        return ticket

    def _state(self, ticket):
        self.env.invalidate_all()
        return {
            "urgent": ticket.is_urgent,
            "priority": ticket.priority,
            "stage": ticket.stage_id,
            "waiting_since": ticket.waiting_since,
            "followers": ticket.message_partner_ids,
            "follow_ups": ticket.follow_up_ticket_ids,
            "tickets": self.env["helpdesk.ticket"].search_count([]),
        }

    def _urgent_reply(self, ticket, sender, moment, tag, cc=None, headers=()):
        self.receive_email(
            sender,
            "assistenza-test@example.com",
            f"URGENTE Re: {ticket.name}",
            moment,
            f"<reply-{tag}@example.com>",
            in_reply_to="<first@rossi.example>",
            body="Il sito è di nuovo giù, intervenite subito!",
            custom_values={"team_id": self.team.id},
            cc=cc,
            extra_headers=headers,
        )

    def _assert_logged(self, ticket, tag):
        message = ticket.message_ids.filtered(
            lambda m: m.message_id == f"<reply-{tag}@example.com>"
        )
        self.assertEqual(len(message), 1, "the email is kept on the request")

    def test_a_stranger_urgent_reply_is_logged_and_changes_nothing(self):
        ticket = self._waiting_request()
        before = self._state(ticket)
        strangers = [
            ("stranger", STRANGER),
            ("other-customer", f"Giulia Bianchi <{self.other_contact.email}>"),
        ]
        for tag, sender in strangers:
            with self.subTest(sender=sender):
                self._urgent_reply(
                    ticket, sender, day(1), tag, cc=self.other_contact.email
                )
                self._assert_logged(ticket, tag)
                self.assertEqual(self._state(ticket), before)
                self.assertNotIn(self.other_contact, ticket.message_partner_ids)

    def test_the_same_email_from_the_customer_acts(self):
        ticket = self._waiting_request()
        self._urgent_reply(ticket, f"Mario Rossi <{CUSTOMER}>", day(1), "customer")
        self.env.invalidate_all()
        self.assertTrue(ticket.is_urgent)
        self.assertEqual(ticket.priority, "3")
        self.assertEqual(ticket.urgency_review, "to_review")
        self.assertEqual(ticket.stage_id, self.stage_progress)
        self.assertFalse(ticket.waiting_since)

    def test_a_colleague_of_the_customer_is_the_customer(self):
        """Another contact of the same company writes for the customer."""
        colleague = self.env["res.partner"].create(
            {
                "name": "Anna Rossi",
                "parent_id": self.customer.id,
                "email": "anna@rossi.example",
            }
        )
        ticket = self._waiting_request()
        self._urgent_reply(
            ticket, f"Anna Rossi <{colleague.email}>", day(1), "colleague"
        )
        self.env.invalidate_all()
        self.assertTrue(ticket.is_urgent)
        self.assertFalse(ticket.waiting_since)

    def test_request_without_contact_acts_on_its_own_address_only(self):
        ticket = self._waiting_request(f"Luca Verdi <{UNKNOWN}>")
        self.assertFalse(ticket.partner_id)
        before = self._state(ticket)
        self._urgent_reply(ticket, STRANGER, day(1), "stranger")
        self.assertEqual(self._state(ticket), before)
        self._urgent_reply(ticket, f"Luca Verdi <{UNKNOWN}>", day(1, 1), "requester")
        self.env.invalidate_all()
        self.assertTrue(ticket.is_urgent)
        self.assertFalse(ticket.waiting_since)

    def test_after_the_closing_a_stranger_opens_nothing(self):
        sender = f"Mario Rossi <{CUSTOMER}>"
        ticket, closing_id = self._closed_by_the_action(sender)
        # within the reopen window, then after it
        for moment in (day(9), day(7 + 8)):
            with self.subTest(moment=moment):
                self.assertEqual(self._reply(ticket, STRANGER, closing_id, moment), 0)
                self.assertTrue(ticket.closed)
                self.assertFalse(ticket.follow_up_ticket_ids)

    def test_one_open_follow_up_per_closed_request(self):
        """Three emails of the customer after the reopen window: one new
        request, which receives the next ones."""
        sender = f"Mario Rossi <{CUSTOMER}>"
        ticket, closing_id = self._closed_by_the_action(sender)
        opened = sum(
            self._reply(ticket, sender, closing_id, day(7 + 8, hours))
            for hours in (0, 1, 2)
        )
        self.assertEqual(opened, 1)
        follow_up = ticket.follow_up_ticket_ids
        self.assertEqual(len(follow_up), 1)
        self.assertFalse(follow_up.closed)
        replies = follow_up.message_ids.filtered(
            lambda m: "ero in ferie" in (m.body or "")
        )
        self.assertEqual(len(replies), 2, "the later emails reach the follow-up")

    def test_an_out_of_office_answer_is_not_the_customer(self):
        """The customer's mail server answering the closing or a question
        by itself (RFC 3834) neither reopens nor raises anything."""
        ticket = self._waiting_request()
        before = self._state(ticket)
        self._urgent_reply(
            ticket,
            f"Mario Rossi <{CUSTOMER}>",
            day(1),
            "auto",
            headers=["Auto-Submitted: auto-replied", "X-Autoreply: yes"],
        )
        self._assert_logged(ticket, "auto")
        self.assertEqual(self._state(ticket), before)

    def test_an_out_of_office_opening_a_request_is_never_answered(self):
        """An automatic reply reaching no thread opens a request, logged for
        staff: URGENTE in its subject is not the customer's urgency, and no
        email answers it (a loop between two machines)."""
        mails = self.env["mail.mail"].search_count([])
        ticket_id = self.receive_email(
            f"Mario Rossi <{CUSTOMER}>",
            "assistenza-test@example.com",
            "URGENTE: risposta automatica",
            day(1),
            "<ooo-new@rossi.example>",
            body="Sono fuori ufficio fino al 20.",
            custom_values={"team_id": self.team.id},
            extra_headers=["Auto-Submitted: auto-replied"],
        )
        ticket = self.env["helpdesk.ticket"].browse(ticket_id)
        self.assertTrue(ticket.exists())
        self.assertFalse(ticket.is_urgent)
        self.env.cr.precommit.run()
        self.assertEqual(self.env["mail.mail"].search_count([]), mails)

    def test_a_follower_posting_as_the_customer_acts_as_nobody(self):
        """Another customer following the request posts in its chatter over
        RPC, naming the customer as the author: the message is the poster's."""
        giulia = new_test_user(
            self.env,
            login="giulia_thread",
            groups="base.group_portal",
            partner_id=self.other_contact.id,
        )
        ticket = self._waiting_request()
        ticket.message_subscribe(partner_ids=self.other_contact.ids)
        before = self._state(ticket)
        for message_type in ("comment", "email"):
            with self.subTest(message_type=message_type):
                ticket.with_user(giulia).message_post(
                    body="Sito di nuovo giù",
                    subject="URGENTE",
                    author_id=self.contact.id,
                    email_from=CUSTOMER,
                    message_type=message_type,
                    subtype_xmlid="mail.mt_comment",
                )
                self.assertEqual(self._state(ticket), before)
