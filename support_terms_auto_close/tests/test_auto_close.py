from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.base.models.ir_cron import _intervalTypes

from .common import T0, AutoCloseCase, day


@tagged("post_install", "-at_install")
class TestWaitingClock(AutoCloseCase):
    def test_waiting_stage_starts_the_clock(self):
        with freeze_time(T0):
            ticket = self._ticket()
            self.assertFalse(ticket.waiting_since)
            self._wait(ticket)
        self.assertEqual(ticket.waiting_since, T0)
        self.assertEqual(ticket.support_plan_id, self.plan_basic)
        self.assertEqual(ticket.auto_close_date, day(7))
        self.assertEqual(ticket.auto_close_warning_date, day(5))

    def test_public_reply_restarts_the_clock_a_note_does_not(self):
        with freeze_time(T0):
            ticket = self._ticket()
            self._wait(ticket)
        with freeze_time(day(3)):
            ticket.with_user(self.agent).message_post(
                body="Nota interna",
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
            self.assertEqual(ticket.waiting_since, T0)
            ticket.with_user(self.agent).message_post(
                body="Ci mandi le credenziali FTP?",
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        self.assertEqual(ticket.waiting_since, day(3))
        self.assertEqual(ticket.auto_close_date, day(10))

    def test_public_reply_outside_waiting_starts_nothing(self):
        ticket = self._ticket()
        ticket.with_user(self.agent).message_post(
            body="Ci lavoriamo", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        self.assertFalse(ticket.waiting_since)
        self.assertFalse(ticket.auto_close_date)

    def test_customer_email_stops_the_clock(self):
        with freeze_time(T0):
            ticket = self._ticket()
            self._wait(ticket)
            question = ticket.with_user(self.agent).message_post(
                body="Ci mandi le credenziali?",
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        with freeze_time(day(2)):
            self.env["mail.thread"].message_process(
                "helpdesk.ticket",
                f"""From: Mario Rossi <mario@rossi.example>
To: assistenza-test@example.com
Subject: Re: {ticket.name}
Message-ID: <reply-1@rossi.example>
In-Reply-To: {question.message_id}
References: {question.message_id}
Date: Wed, 04 Mar 2026 10:00:00 +0000
Content-Type: text/plain; charset=utf-8

Ecco le credenziali.
""",
            )
        self.assertEqual(ticket.message_ids[0].author_id, self.contact)
        self.assertFalse(ticket.waiting_since)
        self.assertFalse(ticket.auto_close_date)
        self.assertEqual(ticket.stage_id, self.stage_progress)

    def test_portal_reply_stops_the_clock(self):
        portal = self._portal_user(self.contact, "mario_ac")
        ticket = self._ticket()
        self._wait(ticket)
        ticket.with_user(portal).message_post(
            body="Fatto, riprovate",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        self.assertFalse(ticket.waiting_since)
        self.assertEqual(ticket.stage_id, self.stage_progress)

    def test_leaving_the_waiting_stage_stops_the_clock(self):
        ticket = self._ticket()
        self._wait(ticket)
        ticket.stage_id = self.stage_progress
        self.assertFalse(ticket.waiting_since)

    def test_plan_with_zero_days_never_closes(self):
        self.plan_basic.auto_close_days = 0
        self.plan_basic.auto_close_warning_days = 0
        with freeze_time(T0):
            ticket = self._ticket()
            self._wait(ticket)
        self.assertFalse(ticket.auto_close_date)
        with freeze_time(day(100)):
            self.assertEqual(self.run_cron(), 0)
        self.assertEqual(ticket.stage_id, self.stage_waiting)

    def test_without_plan_the_team_decides(self):
        self.team.write({"auto_close_days": 3, "auto_close_warning_days": 1})
        with freeze_time(T0):
            ticket = self._ticket(partner=self.other_customer)
            self._wait(ticket)
        self.assertFalse(ticket.support_plan_id)
        self.assertEqual(ticket.auto_close_date, day(3))
        self.assertEqual(ticket.auto_close_warning_date, day(2))


@tagged("post_install", "-at_install")
class TestAutoCloseAction(AutoCloseCase):
    def test_warned_on_day_5_closed_on_day_7_once(self):
        with freeze_time(T0):
            ticket = self._ticket()
            self._wait(ticket)
        with freeze_time(day(4, 23)):
            self.assertEqual(self.run_cron(), 0)
        with freeze_time(day(5, 1)):
            self.assertEqual(self.run_cron(), 1)
            self.assertEqual(self.run_cron(), 0)
        self.assertEqual(len(self.warnings(ticket)), 1)
        warning = self.warnings(ticket)
        self.assertIn("waiting for your reply", warning.body_html)
        # the closing date in the customer's time zone: warned at 11:00 UTC, the
        # customer has 2 full days, until 11:00 UTC, 12:00 in Rome
        self.assertEqual(ticket.auto_close_date, day(7, 1))
        self.assertIn("3/9/26, 12:00 PM", warning.body_html)
        self.assertIn("Mario Rossi", warning.body_html)
        self.assertEqual(ticket.auto_close_warned_date, day(5, 1))
        with freeze_time(day(6, 1)):
            self.assertEqual(self.run_cron(), 0)
        self.assertEqual(ticket.stage_id, self.stage_waiting)
        with freeze_time(day(7, 2)):
            self.assertEqual(self.run_cron(), 1)
            self.assertEqual(self.run_cron(), 0)
        self.assertEqual(ticket.stage_id, self.stage_no_reply)
        self.assertTrue(ticket.closed)
        self.assertEqual(ticket.auto_closed_date, day(7, 2))
        self.assertEqual(ticket.auto_close_reopen_stage_id, self.stage_waiting)
        self.assertFalse(ticket.waiting_since)
        closing = self.closings(ticket)
        self.assertEqual(len(closing), 1)
        self.assertEqual(closing.recipient_ids, self.contact)
        self.assertIn("reply to this email within", closing.body_html)
        # the email is the chatter message
        self.assertIn(closing.mail_message_id, ticket.message_ids)
        with freeze_time(day(30)):
            self.assertEqual(self.run_cron(), 0)
        self.assertEqual(len(self.warnings(ticket)), 1)
        self.assertEqual(len(self.closings(ticket)), 1)

    def test_missed_day_still_warns_before_closing(self):
        with freeze_time(T0):
            ticket = self._ticket()
            self._wait(ticket)
        # the action did not run on days 5 and 6
        with freeze_time(day(7, 1)):
            self.assertEqual(self.run_cron(), 1)
        self.assertEqual(len(self.warnings(ticket)), 1)
        self.assertEqual(ticket.stage_id, self.stage_waiting)
        self.assertEqual(ticket.auto_close_date, day(9, 1))
        with freeze_time(day(8, 1)):
            self.assertEqual(self.run_cron(), 0)
        with freeze_time(day(9, 2)):
            self.assertEqual(self.run_cron(), 1)
        self.assertEqual(ticket.stage_id, self.stage_no_reply)
        self.assertEqual(len(self.closings(ticket)), 1)

    def test_three_teams_in_two_companies(self):
        company_b = self.env["res.company"].create(
            {"name": "Provider B", "support_auto_close_without_plan": True}
        )
        team_b1, team_b2 = self.env["helpdesk.ticket.team"].create(
            [
                {"name": "B hosting", "company_id": company_b.id},
                {"name": "B sviluppo", "company_id": company_b.id},
            ]
        )
        with freeze_time(T0):
            tickets = (
                self._ticket()
                | self._ticket(team=team_b1, partner=self.other_customer)
                | self._ticket(team=team_b2, partner=self.other_customer)
            )
            self._wait(tickets)
        self.assertEqual(len(tickets.company_id), 2)
        with freeze_time(day(5, 1)):
            self.assertEqual(self.run_cron(), 3)
        with freeze_time(day(7, 2)):
            self.assertEqual(self.run_cron(), 3)
        self.assertEqual(tickets.stage_id, self.stage_no_reply)
        for ticket in tickets:
            self.assertEqual(len(self.closings(ticket)), 1)


@tagged("post_install", "-at_install")
class TestReplyAfterClosing(AutoCloseCase):
    def _closed_ticket(self):
        with freeze_time(T0):
            ticket = self._ticket()
            self._wait(ticket)
        with freeze_time(day(5, 1)):
            self.run_cron()
        with freeze_time(day(7, 2)):
            self.run_cron()
        self.assertEqual(ticket.stage_id, self.stage_no_reply)
        return ticket

    def _customer_writes(self, ticket):
        return ticket.message_post(
            author_id=self.contact.id,
            body="Scusate, ero in ferie: il problema c'è ancora",
            message_type="email",
            subtype_xmlid="mail.mt_comment",
        )

    def test_reply_within_the_window_reopens(self):
        ticket = self._closed_ticket()
        with freeze_time(day(9)):
            self._customer_writes(ticket)
        self.assertFalse(ticket.closed)
        self.assertFalse(ticket.auto_closed_date)
        # back to its last open stage, then moved on by the customer's reply
        self.assertEqual(ticket.stage_id, self.stage_progress)
        self.assertFalse(ticket.follow_up_ticket_ids)

    def test_reply_after_the_window_opens_a_linked_request(self):
        ticket = self._closed_ticket()
        with freeze_time(day(7 + 8)):
            self._customer_writes(ticket)
        self.assertEqual(ticket.stage_id, self.stage_no_reply)
        follow_up = ticket.follow_up_ticket_ids
        self.assertEqual(len(follow_up), 1)
        self.assertEqual(follow_up.origin_ticket_id, ticket)
        self.assertEqual(follow_up.partner_id, self.contact)
        self.assertEqual(follow_up.team_id, self.team)
        self.assertIn("ero in ferie", follow_up.description)
        self.assertFalse(follow_up.closed)


@tagged("post_install", "-at_install")
class TestAutoCloseRestart(AutoCloseCase):
    """Killed halfway and run again, the action ends as one clean run does."""

    def _due_tickets(self):
        with freeze_time(T0):
            tickets = self.env["helpdesk.ticket"].browse()
            for index in range(5):
                tickets |= self._ticket(name=f"Richiesta {index}")
            self._wait(tickets)
        with freeze_time(day(5, 1)):
            self.assertEqual(self.run_cron(), 5)
        return tickets

    def _result_of(self, tickets):
        tickets.invalidate_recordset()
        return {
            ticket.id: (
                ticket.stage_id.id,
                len(self.warnings(ticket)),
                len(self.closings(ticket)),
            )
            for ticket in tickets
        }

    def test_killed_in_the_third_batch(self):
        tickets = self._due_tickets()
        with freeze_time(day(7, 2)):
            with self.env.cr.savepoint() as clean_run:
                self.assertEqual(self.run_cron(), 5)
                expected = self._result_of(tickets)
                clean_run.rollback()
            self.env.invalidate_all()
            self.assertEqual(tickets.stage_id, self.stage_waiting)

            calls = self.run_killed(
                self.run_cron, "helpdesk.ticket", "_auto_close_send", in_call=3
            )
            self.assertEqual(len(calls), 3)
            # the two committed batches stay, the third is rolled back
            self.assertEqual(len(tickets.filtered("closed")), 4)
            self.assertEqual(self.run_cron(), 1)
        self.assertEqual(self._result_of(tickets), expected)
        self.assertEqual(set(expected.values()), {(self.stage_no_reply.id, 1, 1)})


@tagged("post_install", "-at_install")
class TestAutoCloseSettings(AutoCloseCase):
    def _assert_refused(self, values, message):
        before = self.team.read(list(values))[0]
        with self.assertRaises(ValidationError) as caught:
            self.team.write(values)
        self.assertIn(message, str(caught.exception))
        self.assertEqual(self.team.read(list(values))[0], before)

    def test_negative_days(self):
        self._assert_refused({"auto_close_days": -1}, "cannot be negative")
        self._assert_refused({"auto_close_reopen_days": -3}, "cannot be negative")

    def test_warning_longer_than_closing(self):
        self._assert_refused(
            {"auto_close_days": 3, "auto_close_warning_days": 5},
            "fewer days before the automatic closing",
        )

    def test_closing_stage_must_be_closed(self):
        self._assert_refused(
            {"auto_close_stage_id": self.stage_progress.id}, "is not a closed stage"
        )

    def test_plan_warning_longer_than_closing(self):
        with self.assertRaises(ValidationError):
            self.plan_basic.write({"auto_close_days": 2, "auto_close_warning_days": 2})
        self.assertEqual(self.plan_basic.auto_close_days, 7)


@tagged("post_install", "-at_install")
class TestAutoCloseWithinTheHour(AutoCloseCase):
    """ "il ticket di assistenza viene chiuso automaticamente entro 7 giorni, se
    non riceviamo risposta dal cliente": the action runs at least every hour,
    so a ticket is closed within the hour after its seventh day."""

    def setUp(self):
        super().setUp()
        # the settings these tests rely on, whatever the shipped defaults
        self.plan_basic.write({"auto_close_days": 7, "auto_close_warning_days": 2})

    def _scheduler(self, first_call, until, stop=None, latency=None):
        """Run the action as Odoo's scheduler does: at its ``nextcall`` (plus
        the worker's ``latency(run)``), then ``interval`` later
        (``_reschedule_later``), twice each time (a second worker, a retry).
        Returns the moments of the runs."""
        interval = _intervalTypes[self.cron.interval_type](self.cron.interval_number)
        self.cron.nextcall = first_call
        runs = []
        while self.cron.nextcall <= until:
            moment = self.cron.nextcall
            if latency:
                moment += latency(len(runs))
            with freeze_time(moment):
                self.run_cron()
                self.run_cron()
            runs.append(moment)
            nextcall = self.cron.nextcall
            while nextcall <= moment:
                nextcall += interval
            self.cron.nextcall = nextcall
            if stop and stop():
                break
        return runs

    def test_auto_close_action_runs_at_least_every_hour(self):
        interval = _intervalTypes[self.cron.interval_type](self.cron.interval_number)
        self.assertLessEqual(T0 + interval, T0 + timedelta(hours=1))
        self.assertTrue(self.cron.active)

    def test_ticket_closed_within_the_hour_after_seven_days(self):
        started = T0 + timedelta(minutes=17)  # Monday 2 March, 10:17 UTC
        with freeze_time(started):
            ticket = self._ticket()
            self._wait(ticket)
        self.assertEqual(ticket.waiting_since, started)
        closing_moment = started + timedelta(days=7)
        # the action was last scheduled at 03:00 of day 4
        runs = self._scheduler(
            datetime(2026, 3, 6, 3, 0),
            until=closing_moment + timedelta(days=2),
            stop=lambda: ticket.closed,
        )
        self.assertTrue(ticket.closed)
        self.assertEqual(ticket.stage_id, self.stage_no_reply)
        self.assertGreaterEqual(ticket.auto_closed_date, closing_moment)
        self.assertLess(ticket.auto_closed_date, closing_moment + timedelta(hours=1))
        self.assertIn(ticket.auto_closed_date, runs)
        # warned two days before, within the hour too
        warning_moment = started + timedelta(days=5)
        self.assertGreaterEqual(ticket.auto_close_warned_date, warning_moment)
        self.assertLess(
            ticket.auto_close_warned_date, warning_moment + timedelta(hours=1)
        )
        self.assertEqual(len(self.warnings(ticket)), 1)
        self.assertEqual(len(self.closings(ticket)), 1)

    def test_ticket_closed_within_the_hour_when_the_worker_starts_late(self):
        """The worker picks the action up some seconds after its time, more
        when it warns than when it closes: still closed within the hour."""
        started = T0 + timedelta(minutes=17)
        with freeze_time(started):
            ticket = self._ticket()
            self._wait(ticket)
        closing_moment = started + timedelta(days=7)
        runs = self._scheduler(
            datetime(2026, 3, 6, 3, 0),
            until=closing_moment + timedelta(days=2),
            stop=lambda: ticket.closed,
            latency=lambda run: timedelta(seconds=max(0, 59 - run)),
        )
        self.assertEqual(len(self.warnings(ticket)), 1)
        self.assertGreater(ticket.auto_close_warned_date.second, 0)
        self.assertTrue(ticket.closed)
        self.assertGreaterEqual(ticket.auto_closed_date, closing_moment)
        self.assertLess(ticket.auto_closed_date, closing_moment + timedelta(hours=1))
        self.assertIn(ticket.auto_closed_date, runs)

    def test_ticket_not_closed_before_seven_days(self):
        started = T0 + timedelta(minutes=17)
        with freeze_time(started):
            ticket = self._ticket()
            self._wait(ticket)
        self._scheduler(
            datetime(2026, 3, 2, 11, 0),
            until=started + timedelta(days=7) - timedelta(seconds=1),
        )
        self.assertFalse(ticket.closed)
        self.assertEqual(ticket.stage_id, self.stage_waiting)
        self.assertEqual(len(self.warnings(ticket)), 1)
        self.assertFalse(self.closings(ticket))

    def test_run_with_nothing_due_touches_nothing(self):
        """Nothing due: the hourly run warns and closes nobody, however often
        it runs (its cost is measured in bench/steady_state.py)."""
        with freeze_time(T0):
            waiting = self._ticket()
            self._wait(waiting)
            working = self._ticket(name="Al lavoro")
        with freeze_time(day(1)):
            self.assertEqual(self.run_cron(), 0)  # through the server action
            self.assertEqual(self.run_cron(), 0)
        self.assertFalse(self.warnings(waiting))
        self.assertFalse(self.closings(waiting) or self.closings(working))
        self.assertEqual(waiting.stage_id, self.stage_waiting)


@tagged("post_install", "-at_install")
class TestAutoCloseLanguage(AutoCloseCase):
    """Mail in the customer's language: the Italian comes from the addon's
    own translations."""

    def test_emails_follow_the_customer_language(self):
        self.env["res.lang"]._activate_lang("it_IT")
        self.env["ir.module.module"]._load_module_terms(
            ["support_terms_auto_close"], ["it_IT"]
        )
        self.contact.lang = "it_IT"
        english = self.env["res.partner"].create(
            {"name": "John Smith", "email": "john@example.com", "lang": "en_US"}
        )
        with freeze_time(T0):
            italian_ticket = self._ticket()
            english_ticket = self._ticket(partner=english)
            self._wait(italian_ticket | english_ticket)
        with freeze_time(day(5, 1)):
            self.run_cron()

        def warning(ticket, words):
            return self.env["mail.mail"].search(
                [
                    ("model", "=", "helpdesk.ticket"),
                    ("res_id", "=", ticket.id),
                    ("subject", "ilike", words),
                ]
            )

        italian = warning(italian_ticket, "attesa della vostra risposta")
        self.assertEqual(len(italian), 1)
        self.assertIn("Per mantenerla aperta", italian.body_html)
        self.assertEqual(len(warning(english_ticket, "waiting for your reply")), 1)
        self.assertFalse(warning(italian_ticket, "waiting for your reply"))
