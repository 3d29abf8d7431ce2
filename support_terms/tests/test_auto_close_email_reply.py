from email.utils import format_datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .test_auto_close import AutoCloseCase, day

CUSTOMER = "mario.rossi@rossi.example"
UNKNOWN = "luca.verdi@webmail.example"


@tagged("post_install", "-at_install")
class TestEmailReplyAfterAutoClose(AutoCloseCase):
    """Seed 002/003: a request left without the customer's reply is closed
    "entro 7 giorni". The customer answers the closing email from its mail
    client: within the team's reopen window the request opens again, after
    it a new request linked to the closed one is opened."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contact.email = CUSTOMER

    def _receive(self, sender, subject, moment, message_id, in_reply_to=None):
        headers = [
            f"From: {sender}",
            "To: assistenza-test@example.com",
            f"Subject: {subject}",
            f"Message-ID: {message_id}",
            f"Date: {format_datetime(moment.replace(tzinfo=None), usegmt=False)}",
        ]
        if in_reply_to:
            headers.append(f"In-Reply-To: {in_reply_to}")
            headers.append(f"References: {in_reply_to}")
        raw = "\n".join(
            [
                *headers,
                "Content-Type: text/plain; charset=utf-8",
                "",
                "Scusate, ero in ferie: il problema c'è ancora.",
                "",
            ]
        )
        with freeze_time(moment):
            return self.env["mail.thread"].message_process(
                "helpdesk.ticket", raw, custom_values={"team_id": self.team.id}
            )

    def _closed_by_the_action(self, sender):
        ticket = self.env["helpdesk.ticket"].browse(
            self._receive(
                sender,
                "Sito lento",
                day(0),
                f"<first-{sender.split()[0]}@rossi.example>",
            )
        )
        with freeze_time(day(0, 1)):
            ticket.write({"stage_id": self.stage_progress.id})
            self._wait(ticket)
        with freeze_time(day(5, 2)):
            self.run_cron()
        with freeze_time(day(7, 2)):
            self.run_cron()
        self.assertEqual(ticket.stage_id, self.stage_no_reply)
        closing = self.closings(ticket)
        self.assertEqual(len(closing), 1)
        return ticket, closing.message_id

    def _reply(self, ticket, sender, closing_id, moment, subject=None):
        tickets_before = self.env["helpdesk.ticket"].search_count([])
        self._receive(
            sender,
            subject or f"Re: {ticket.name}",
            moment,
            f"<reply-{moment:%d%H}-{sender.split()[0]}@rossi.example>",
            in_reply_to=closing_id,
        )
        return self.env["helpdesk.ticket"].search_count([]) - tickets_before

    def test_customer_email_reply_within_the_window_reopens(self):
        for sender in (f"Mario Rossi <{CUSTOMER}>", f"Luca Verdi <{UNKNOWN}>"):
            with self.subTest(sender=sender):
                ticket, closing_id = self._closed_by_the_action(sender)
                self.assertEqual(self._reply(ticket, sender, closing_id, day(9)), 0)
                self.assertFalse(ticket.closed)
                self.assertFalse(ticket.auto_closed_date)
                self.assertFalse(ticket.waiting_since)
                self.assertFalse(ticket.follow_up_ticket_ids)

    def test_customer_email_reply_after_the_window_opens_a_linked_request(self):
        for sender in (f"Mario Rossi <{CUSTOMER}>", f"Luca Verdi <{UNKNOWN}>"):
            with self.subTest(sender=sender):
                ticket, closing_id = self._closed_by_the_action(sender)
                self.assertEqual(self._reply(ticket, sender, closing_id, day(7 + 8)), 1)
                self.assertTrue(ticket.closed)
                follow_up = ticket.follow_up_ticket_ids
                self.assertEqual(len(follow_up), 1)
                self.assertFalse(follow_up.closed)
                self.assertEqual(follow_up.partner_id, ticket.partner_id)
                self.assertIn(sender.split("<")[1][:-1], follow_up.partner_email)

    def test_urgent_email_reply_after_the_window_opens_an_urgent_request(self):
        """Seed 002: a request is urgent when its subject says so ("URGENTE"):
        the reply that opens a new request is read like any new email."""
        sender = f"Mario Rossi <{CUSTOMER}>"
        ticket, closing_id = self._closed_by_the_action(sender)
        self._reply(
            ticket,
            sender,
            closing_id,
            day(7 + 8),
            subject=f"URGENTE - Re: {ticket.name}: sito di nuovo giù",
        )
        follow_up = ticket.follow_up_ticket_ids
        self.assertEqual(len(follow_up), 1)
        self.assertTrue(follow_up.is_urgent)
        self.assertEqual(follow_up.priority, "3")

    def test_urgent_email_reply_within_the_window_reopens_urgent(self):
        sender = f"Mario Rossi <{CUSTOMER}>"
        ticket, closing_id = self._closed_by_the_action(sender)
        self._reply(
            ticket, sender, closing_id, day(9), subject=f"Re: {ticket.name} URGENTE"
        )
        self.assertFalse(ticket.closed)
        self.assertTrue(ticket.is_urgent)
        self.assertEqual(ticket.priority, "3")
        self.assertEqual(ticket.urgency_review, "to_review")
