from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.tests import new_test_user, tagged

from .common_coverage import CoverageCase

T0 = datetime(2026, 3, 2, 10, 0)  # a Monday


@tagged("post_install", "-at_install")
class TestQuoteWaiting(CoverageCase):
    """ "Per quanto riguarda il servizio di 'Intervento tecnico assistenza
    one-shot', prezzi e condizioni verranno calcolati e comunicati in fase di
    preventivo, ovvero prima dell'effettivo intervento sul sito web": while
    the customer reads the quotation, the request is not closed for lack of
    reply; once signed, the work starts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stage_no_reply = cls.env.ref(
            "support_terms_auto_close.helpdesk_ticket_stage_closed_no_reply"
        )
        cls.team.auto_close_stage_id = cls.stage_no_reply
        cls.cron = cls.env.ref("support_terms_auto_close.ir_cron_auto_close_tickets")

    def _quoted_and_waiting(self):
        with freeze_time(T0):
            ticket = self._ticket(self.cat_feature)
            ticket.action_create_quote()
            ticket.support_quote_id.action_quotation_sent()
            ticket.stage_id = self.stage_waiting
        self.assertEqual(ticket.waiting_since, T0)
        self.assertEqual(ticket.support_plan_id.auto_close_days, 7)
        return ticket

    def test_a_quote_to_sign_pauses_the_closing_without_reply(self):
        ticket = self._quoted_and_waiting()
        self.assertEqual(ticket.support_quote_state, "waiting")
        self.assertFalse(ticket.auto_close_date)
        for moment in (T0 + timedelta(days=8), T0 + timedelta(days=8, hours=1)):
            with freeze_time(moment):
                self.run_like_the_cron_worker(self.cron)
        self.assertEqual(ticket.stage_id, self.stage_waiting)
        self.assertFalse(ticket.auto_closed_date)

    def test_a_declined_quote_starts_a_new_waiting_period(self):
        ticket = self._quoted_and_waiting()
        with freeze_time(T0 + timedelta(days=10)):
            ticket.support_quote_id._action_cancel()
            self.assertEqual(ticket.support_quote_state, "cancelled")
            self.run_like_the_cron_worker(self.cron)
        self.assertEqual(ticket.stage_id, self.stage_waiting)
        self.assertEqual(ticket.waiting_since, T0 + timedelta(days=10))
        self.assertEqual(ticket.auto_close_date, T0 + timedelta(days=17))

    def test_the_quote_confirmed_starts_the_work(self):
        ticket = self._quoted_and_waiting()
        with freeze_time(T0 + timedelta(days=9)):
            ticket.support_quote_id.action_confirm()
        self.assertEqual(ticket.support_quote_state, "accepted")
        self.assertEqual(ticket.stage_id, self.stage_progress)
        self.assertFalse(ticket.waiting_since)
        self.assertIn(
            f"Quotation {ticket.support_quote_id.name} accepted",
            "".join(ticket.message_ids.mapped("body")),
        )

    def test_quotes_waiting_at_the_upgrade_pause_their_clock(self):
        ticket = self._quoted_and_waiting()
        # as the database was before the pause existed
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE helpdesk_ticket SET support_waiting_paused = FALSE, "
            "auto_close_date = %s WHERE id = %s",
            (T0 + timedelta(days=7), ticket.id),
        )
        self.env.invalidate_all()
        self.assertEqual(ticket.auto_close_date, T0 + timedelta(days=7))
        self.env["helpdesk.ticket"].init()
        self.env.invalidate_all()
        self.assertTrue(ticket.support_waiting_paused)
        self.assertFalse(ticket.auto_close_date)

    def test_customer_reply_leaves_a_quote_billed_extra_out_of_work(self):
        """The customer's email to a quote-billed extra waiting for details
        stops the clock; the request is not put to work without a quote."""
        self.team.customer_replied_stage_id = self.stage_progress
        with freeze_time(T0):
            ticket = self._ticket(self.cat_feature)
            ticket.stage_id = self.stage_waiting
            agent = new_test_user(
                self.env, login="agent_qw", groups="helpdesk_mgmt.group_helpdesk_user"
            )
            question = ticket.with_user(agent).message_post(
                body="Ci mandate i dettagli della funzione?",
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        self.assertTrue(ticket.waiting_since)
        raw = (
            f"From: Mario Rossi <{self.contact.email}>\r\n"
            f"To: {self.team.alias_id.display_name}\r\n"
            f"Subject: Re: {ticket.name}\r\n"
            "Message-ID: <reply-quote-feature@cliente.example>\r\n"
            f"In-Reply-To: {question.message_id}\r\n"
            f"References: {question.message_id}\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n"
            "\r\n"
            "Ecco i dettagli: un modulo di prenotazione.\r\n"
        )
        with freeze_time(T0 + timedelta(days=1)):
            thread_id = self.env["mail.thread"].message_process("helpdesk.ticket", raw)
        self.assertEqual(thread_id, ticket.id)
        self.assertIn("un modulo di prenotazione", ticket.message_ids[0].body)
        self.assertFalse(ticket.waiting_since)
        self.assertEqual(ticket.stage_id, self.stage_waiting)
