from odoo.tests import tagged

from odoo.addons.support_terms_auto_close.tests.common import day
from odoo.addons.support_terms_auto_close.tests.test_auto_close_email_reply import (
    CUSTOMER,
    EmailReplyCase,
)


@tagged("post_install", "-at_install")
class TestUrgentEmailReplyAfterAutoClose(EmailReplyCase):
    """A request is urgent when its subject says so ("URGENTE"): the reply to
    the closing email is read like any new email, urgency included."""

    def test_urgent_email_reply_after_the_window_opens_an_urgent_request(self):
        """The reply that opens a new request is read like any new email."""
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
