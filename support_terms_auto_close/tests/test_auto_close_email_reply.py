from freezegun import freeze_time

from odoo.tests import tagged

from .common import AutoCloseCase, day

CUSTOMER = "mario.rossi@rossi.example"
UNKNOWN = "luca.verdi@webmail.example"


class EmailReplyCase(AutoCloseCase):
    """Requests closed by the action, answered from the customer's mail
    client through the mail gateway."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contact.email = CUSTOMER

    def _receive(self, sender, subject, moment, message_id, in_reply_to=None):
        return self.receive_email(
            sender,
            "assistenza-test@example.com",
            subject,
            moment,
            message_id,
            in_reply_to=in_reply_to,
            body="Scusate, ero in ferie: il problema c'è ancora.",
            custom_values={"team_id": self.team.id},
        )

    def _closed_by_the_action(self, sender, message_id=None):
        ticket = self.env["helpdesk.ticket"].browse(
            self._receive(
                sender,
                "Sito lento",
                day(0),
                message_id or f"<first-{sender.split()[0]}@rossi.example>",
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


@tagged("post_install", "-at_install")
class TestEmailReplyAfterAutoClose(EmailReplyCase):
    """A request left without the customer's reply is closed "entro 7
    giorni". The customer answers the closing email from its mail client:
    within the team's reopen window the request opens again, after it a new
    request linked to the closed one is opened."""

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
