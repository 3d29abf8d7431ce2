from datetime import datetime, timedelta

from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import PlanSlaCase


@tagged("post_install", "-at_install")
class TestPlanSla(PlanSlaCase):
    """Deadlines in the plan's working hours, holidays and time zone."""

    def test_friday_evening_four_hours_end_on_tuesday(self):
        # Friday 6 March 2026 17:30 in Rome (UTC+1)
        ticket = self._ticket(datetime(2026, 3, 6, 16, 30))
        self.assertEqual(ticket.ticket_sla_ids.sla_id, self.take_in_charge)
        # 30 min on Friday, 3 h on Monday, 30 min on Tuesday: 15:30 in Rome
        self.assertEqual(
            self._deadline(ticket, self.take_in_charge), datetime(2026, 3, 10, 14, 30)
        )

    def test_a_holiday_moves_the_deadline_a_day(self):
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Festa",
                "calendar_id": self.calendar.id,
                "date_from": datetime(2026, 3, 8, 23, 0),
                "date_to": datetime(2026, 3, 9, 22, 59, 59),
            }
        )
        ticket = self._ticket(datetime(2026, 3, 6, 16, 30))
        self.assertEqual(
            self._deadline(ticket, self.take_in_charge), datetime(2026, 3, 11, 14, 30)
        )

    def test_across_the_change_to_summer_time(self):
        # Friday 27 March 17:30 CET; summer time starts on Sunday 29 March
        ticket = self._ticket(datetime(2026, 3, 27, 16, 30))
        # Tuesday 31 March 15:30 CEST
        self.assertEqual(
            self._deadline(ticket, self.take_in_charge), datetime(2026, 3, 31, 13, 30)
        )

    def test_across_the_change_to_winter_time(self):
        # Friday 23 October 17:30 CEST; winter time starts on Sunday 25 October
        ticket = self._ticket(datetime(2026, 10, 23, 15, 30))
        # Tuesday 27 October 15:30 CET
        self.assertEqual(
            self._deadline(ticket, self.take_in_charge), datetime(2026, 10, 27, 14, 30)
        )

    def test_urgent_on_sunday_round_the_clock(self):
        # Sunday 8 March 11:00 in Rome, PREMIUM handles urgencies 24/7
        ticket = self._ticket(
            datetime(2026, 3, 8, 10, 0), partner=self.other_customer, urgent=True
        )
        self.assertEqual(ticket.support_plan_id, self.plan_premium)
        self.assertEqual(ticket.ticket_sla_ids.sla_id, self.urgent_always)
        self.assertEqual(
            self._deadline(ticket, self.urgent_always), datetime(2026, 3, 8, 12, 0)
        )

    def test_urgent_on_sunday_without_sunday_urgencies(self):
        ticket = self._ticket(datetime(2026, 3, 8, 10, 0), urgent=True)
        self.assertEqual(ticket.ticket_sla_ids.sla_id, self.urgent_office)
        # Monday 9 March 15:00 + 2 working hours: 17:00 in Rome
        self.assertEqual(
            self._deadline(ticket, self.urgent_office), datetime(2026, 3, 9, 16, 0)
        )

    def test_urgency_raised_later_switches_the_sla(self):
        ticket = self._ticket(datetime(2026, 3, 6, 16, 30))
        self.assertEqual(ticket.ticket_sla_ids.sla_id, self.take_in_charge)
        with self.at(datetime(2026, 3, 6, 16, 45)):
            ticket.is_urgent = True
        self.assertEqual(ticket.ticket_sla_ids.sla_id, self.urgent_office)

    def test_team_calendar_when_the_sla_has_none(self):
        self.take_in_charge.resource_calendar_id = False
        self.team.resource_calendar_id = self.always
        ticket = self._ticket(datetime(2026, 3, 6, 16, 30))
        self.assertEqual(
            self._deadline(ticket, self.take_in_charge), datetime(2026, 3, 6, 20, 30)
        )

    def test_calendar_without_working_hours(self):
        empty = self.env["resource.calendar"].create(
            {"name": "Vuoto", "attendance_ids": [(5, 0, 0)]}
        )
        with self.assertRaises(ValidationError):
            self.take_in_charge.resource_calendar_id = empty
        self.assertEqual(self.take_in_charge.resource_calendar_id, self.calendar)


@tagged("post_install", "-at_install")
class TestSlaMonitor(PlanSlaCase):
    """Warn before the deadline, escalate after it, each once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.leader = new_test_user(
            cls.env, login="leader_sla", groups="helpdesk_mgmt.group_helpdesk_manager"
        )
        cls.agent = new_test_user(
            cls.env, login="agent_sla", groups="helpdesk_mgmt.group_helpdesk_user"
        )
        cls.team.write({"user_id": cls.leader.id, "sla_warning_margin_hours": 1.0})
        cls.cron = cls.env.ref("support_terms_sla.ir_cron_sla_monitor")
        cls.env["ir.config_parameter"].set_param(
            "support_terms.sla_monitor_batch_size", 1
        )

    def run_monitor(self):
        return self.run_like_the_cron_worker(self.cron)

    def _friday_tickets(self, count=1):
        tickets = self.env["helpdesk.ticket"]
        for _index in range(count):
            ticket = self._ticket(datetime(2026, 3, 6, 16, 30))
            ticket.user_id = self.agent
            tickets |= ticket
        return tickets

    def _events(self, ticket, kind):
        return ticket.ticket_sla_ids.event_ids.filtered(lambda e: e.kind == kind)

    def test_warning_then_escalation_once(self):
        ticket = self._friday_tickets()
        priority = ticket.priority
        # deadline Tuesday 10 March 14:30 UTC; margin 1 hour
        with self.at(datetime(2026, 3, 10, 13, 0)):
            self.assertEqual(self.run_monitor(), 0)
        with self.at(datetime(2026, 3, 10, 13, 45)):
            self.assertEqual(self.run_monitor(), 1)
            self.assertEqual(self.run_monitor(), 0)
        activity = ticket.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.agent)
        self.assertIn("about to expire", activity.summary)
        self.assertEqual(ticket.priority, priority)
        with self.at(datetime(2026, 3, 10, 15, 0)):
            self.assertEqual(self.run_monitor(), 1)
            self.assertEqual(self.run_monitor(), 0)
        self.assertEqual(ticket.priority, "3")
        note = ticket.message_ids.filtered(lambda m: "expired on" in (m.body or ""))
        self.assertEqual(len(note), 1)
        self.assertIn(self.leader.partner_id, note.partner_ids)
        with self.at(datetime(2026, 3, 20, 9, 0)):
            self.assertEqual(self.run_monitor(), 0)
        self.assertEqual(len(ticket.activity_ids), 1)
        self.assertEqual(len(self._events(ticket, "warning")), 1)
        self.assertEqual(len(self._events(ticket, "escalation")), 1)

    def test_met_sla_is_left_alone(self):
        ticket = self._friday_tickets()
        with self.at(datetime(2026, 3, 9, 15, 0)):
            ticket.stage_id = self.stage_done
        with self.at(datetime(2026, 3, 11, 9, 0)):
            self.assertEqual(self.run_monitor(), 0)
        self.assertEqual(ticket.ticket_sla_ids.state, "accomplished")

    def test_without_assignee_the_leader_gets_the_activity(self):
        ticket = self._friday_tickets()
        ticket.user_id = False
        with self.at(datetime(2026, 3, 10, 13, 45)):
            self.run_monitor()
        self.assertEqual(ticket.activity_ids.user_id, self.leader)

    def test_killed_halfway_then_run_again(self):
        tickets = self._friday_tickets(3)
        with self.at(datetime(2026, 3, 10, 15, 0)):
            self.run_killed(self.run_monitor, "helpdesk.ticket.sla", "_escalate")
            self.assertEqual(len(tickets.filtered(lambda t: t.priority == "3")), 1)
            self.assertEqual(self.run_monitor(), 2)
        for ticket in tickets:
            self.assertEqual(ticket.priority, "3")
            self.assertEqual(len(self._events(ticket, "escalation")), 1)

    @mute_logger("odoo.sql_db")
    def test_the_database_refuses_a_second_escalation(self):
        ticket = self._friday_tickets()
        ticket_sla = ticket.ticket_sla_ids
        events = self.env["support.sla.event"]
        events.create({"ticket_sla_id": ticket_sla.id, "kind": "escalation"})
        with self.assertRaises(IntegrityError):
            events.create({"ticket_sla_id": ticket_sla.id, "kind": "escalation"})

    def test_negative_margin(self):
        with self.assertRaises(ValidationError):
            self.team.sla_warning_margin_hours = -1
        self.assertEqual(self.team.sla_warning_margin_hours, 1.0)


class RoutedLaterCase(PlanSlaCase):
    """A request mailed to a generic address has no team; staff route it to a
    team later. The team's SLAs apply, counted from the request's arrival."""

    FRIDAY_EVENING = datetime(2026, 3, 6, 16, 30)  # 17:30 in Rome
    MONDAY = datetime(2026, 3, 9, 15, 30)  # 16:30 in Rome

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent = new_test_user(
            cls.env, login="agent_route", groups="helpdesk_mgmt.group_helpdesk_user"
        )
        cls.team_dev = cls.env["helpdesk.ticket.team"].create(
            {"name": "Sviluppo", "use_sla": True}
        )
        cls.dev_take_in_charge = cls.env["helpdesk.sla"].create(
            {
                "name": "Sviluppo: presa in carico 8 ore",
                "team_ids": [(6, 0, cls.team_dev.ids)],
                "support_plan_ids": [(6, 0, cls.plan_basic.ids)],
                "urgency": "normal",
                "hours": 8,
                "stage_id": cls.stage_done.id,
                "resource_calendar_id": cls.calendar.id,
            }
        )

    def _receive_at_the_generic_address(self, subject="Sito lento"):
        raw = (
            "From: Mario Rossi <mario@rossi.example>\n"
            "To: info@provider.example\n"
            f"Subject: {subject}\n"
            "Message-ID: <generic-1@rossi.example>\n"
            "Date: Fri, 06 Mar 2026 16:30:00 +0000\n"
            "Content-Type: text/plain; charset=utf-8\n\n"
            "Il sito è lentissimo da stamattina.\n"
        )
        with self.at(self.FRIDAY_EVENING):
            ticket_id = self.env["mail.thread"].message_process(
                "helpdesk.ticket", raw, custom_values={"team_id": False}
            )
        ticket = self.env["helpdesk.ticket"].browse(ticket_id)
        # the request arrived on Friday evening (PostgreSQL's now() is not frozen)
        self.env.cr.execute(
            "UPDATE helpdesk_ticket SET create_date = %s WHERE id = %s",
            (self.FRIDAY_EVENING, ticket.id),
        )
        ticket.invalidate_recordset(["create_date"])
        self.assertFalse(ticket.team_id)
        self.assertEqual(ticket.support_plan_id, self.plan_basic)
        self.assertFalse(ticket.ticket_sla_ids)
        return ticket


@tagged("post_install", "-at_install")
class TestSlaOfTicketsRoutedLater(RoutedLaterCase):
    def test_ticket_routed_to_team_later_gets_team_slas_from_arrival(self):
        ticket = self._receive_at_the_generic_address()
        with self.at(self.MONDAY):
            ticket.with_user(self.agent).team_id = self.team
        self.assertEqual(ticket.ticket_sla_ids.sla_id, self.take_in_charge)
        # from Friday 17:30: 30 min on Friday, 3 h on Monday, 30 min on Tuesday
        self.assertEqual(
            self._deadline(ticket, self.take_in_charge), datetime(2026, 3, 10, 14, 30)
        )

    def test_urgent_ticket_routed_to_team_later_gets_urgent_slas_from_arrival(self):
        ticket = self._receive_at_the_generic_address("URGENTE: sito lento")
        self.assertTrue(ticket.is_urgent)
        with self.at(self.MONDAY):
            ticket.with_user(self.agent).team_id = self.team
        self.assertEqual(ticket.ticket_sla_ids.sla_id, self.urgent_office)
        # from Friday 17:30: 30 min on Friday, 1 h 30 on Monday: 16:30 in Rome
        self.assertEqual(
            self._deadline(ticket, self.urgent_office), datetime(2026, 3, 9, 15, 30)
        )

    def test_ticket_moved_to_another_team_gets_that_team_slas_from_arrival(self):
        ticket = self._receive_at_the_generic_address()
        with self.at(self.MONDAY):
            ticket.with_user(self.agent).team_id = self.team
        with self.at(self.MONDAY + timedelta(minutes=30)):
            ticket.with_user(self.agent).team_id = self.team_dev
        self.assertEqual(ticket.ticket_sla_ids.sla_id, self.dev_take_in_charge)
        # from Friday 17:30: 30 min on Friday, 3 h on Monday, 3 h on Tuesday,
        # 1 h 30 on Wednesday: 16:30 in Rome
        self.assertEqual(
            self._deadline(ticket, self.dev_take_in_charge),
            datetime(2026, 3, 11, 15, 30),
        )

    def test_ticket_moved_to_a_team_without_slas_keeps_none(self):
        ticket = self._receive_at_the_generic_address()
        with self.at(self.MONDAY):
            ticket.with_user(self.agent).team_id = self.team
        no_sla = self.env["helpdesk.ticket.team"].create({"name": "Commerciale"})
        with self.at(self.MONDAY + timedelta(minutes=30)):
            ticket.with_user(self.agent).team_id = no_sla
        self.assertFalse(ticket.ticket_sla_ids)


@tagged("post_install", "-at_install")
class TestSlaOfTicketsRoutedLaterOverRpc(HttpCase, RoutedLaterCase):
    """The agent routes the request from the backend (JSON-RPC ``write``)."""

    def test_agent_routes_the_ticket_over_json_rpc(self):
        ticket = self._receive_at_the_generic_address()
        self.agent.password = "agent-route-1"
        self.authenticate("agent_route", "agent-route-1")
        self.make_jsonrpc_request(
            "/web/dataset/call_kw/helpdesk.ticket/write",
            {
                "model": "helpdesk.ticket",
                "method": "write",
                "args": [ticket.ids, {"team_id": self.team.id}],
                "kwargs": {},
            },
        )
        ticket.invalidate_recordset()
        self.assertEqual(ticket.team_id, self.team)
        self.assertEqual(ticket.ticket_sla_ids.sla_id, self.take_in_charge)
        # counted from Friday 17:30, whenever the routing happens
        self.assertEqual(
            self._deadline(ticket, self.take_in_charge), datetime(2026, 3, 10, 14, 30)
        )
