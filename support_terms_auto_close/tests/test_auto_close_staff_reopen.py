from freezegun import freeze_time

from odoo.tests import tagged

from .test_auto_close_email_reply import CUSTOMER, EmailReplyCase, day


@tagged("post_install", "-at_install")
class TestStaffMovesAnAutoClosedRequest(EmailReplyCase):
    """A request closed "entro 7 giorni" for lack of reply that staff reopen
    and close again by hand is no longer the one closed for lack of reply:
    the customer's late "grazie" neither reopens it nor opens a new request."""

    def test_staff_reopen_and_close_then_customer_thanks(self):
        sender = f"Mario Rossi <{CUSTOMER}>"
        ticket, closing_id = self._closed_by_the_action(sender)
        self.assertTrue(ticket.auto_closed_date)
        agent_ticket = ticket.with_user(self.agent)
        with freeze_time(day(8)):
            agent_ticket.write({"stage_id": self.stage_progress.id})
        self.assertFalse(ticket.auto_closed_date)
        done = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        with freeze_time(day(8, 2)):
            agent_ticket.write({"stage_id": done.id})
        self.assertEqual(
            self._reply(ticket, sender, closing_id, day(9), subject="Re: grazie"), 0
        )
        self.assertEqual(ticket.stage_id, done)
        self.assertTrue(ticket.closed)
        self.assertFalse(ticket.follow_up_ticket_ids)
        # after the window too: no follow-up request
        self.assertEqual(
            self._reply(ticket, sender, closing_id, day(30), subject="Re: grazie"), 0
        )
        self.assertEqual(ticket.stage_id, done)
        self.assertFalse(ticket.follow_up_ticket_ids)
