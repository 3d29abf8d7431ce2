from datetime import datetime

from odoo.tests import new_test_user, tagged

from .common import PlanSlaCase

TUESDAY = datetime(2026, 3, 10, 14, 30)  # 15:30 in Rome, in the support hours
THURSDAY = datetime(2026, 3, 12, 15, 0)  # 16:00 in Rome, two days later
SUNDAY = datetime(2026, 3, 8, 10, 0)  # 11:00 in Rome, out of the support hours


@tagged("post_install", "-at_install")
class TestUrgencyRaisedByALaterEmail(PlanSlaCase):
    """Seed 001: "occorre tassativamente indicare il termine URGENTE
    nell'oggetto dell'email", urgencies "prese in gestione negli orari
    lavorativi entro massimo 4 ore dalla ricezione del messaggio". A reply
    marked URGENTE two days after the request is urgent from that reply: its
    deadline counts from the reply, not from the request's arrival."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team.alias_name = "assistenza-later"
        cls.cron = cls.env.ref("support_terms_sla.ir_cron_sla_monitor")

    def _mail(self, subject, moment, message_id, in_reply_to=None):
        return self.receive_email(
            "Mario Rossi <mario@rossi.example>",
            "assistenza-later@example.com",
            subject,
            moment,
            message_id,
            in_reply_to=in_reply_to,
            custom_values={"team_id": self.team.id},
        )

    def test_reply_marked_urgente_two_days_later(self):
        ticket = self.env["helpdesk.ticket"].browse(
            self._mail("Sito lento", TUESDAY, "<first@rossi.example>")
        )
        self._arrived_at(ticket, TUESDAY)
        self.assertFalse(ticket.is_urgent)
        self.assertEqual(ticket.ticket_sla_ids.sla_id, self.take_in_charge)
        normal_deadline = ticket.ticket_sla_ids.deadline
        replied_to = self._mail(
            "Re: URGENTE Sito lento",
            THURSDAY,
            "<second@rossi.example>",
            in_reply_to="<first@rossi.example>",
        )
        self.assertEqual(replied_to, ticket.id)
        self.assertTrue(ticket.is_urgent)
        self.assertEqual(ticket.urgency_date, THURSDAY)
        # 2 working hours from Thursday 16:00 in Rome: 18:00 in Rome
        self.assertEqual(
            self._deadline(ticket, self.urgent_office), datetime(2026, 3, 12, 17, 0)
        )
        with self.at(THURSDAY):
            self.assertFalse(ticket.sla_expired)
            self.run_like_the_cron_worker(self.cron)
            self.run_like_the_cron_worker(self.cron)
        self.assertFalse(
            ticket.message_ids.filtered(lambda m: "priority raised" in (m.body or ""))
        )
        # the earlier SLA stays as history, no longer counted
        self.assertEqual(ticket.replaced_sla_ids.sla_id, self.take_in_charge)
        self.assertEqual(ticket.replaced_sla_ids.state, "replaced")
        self.assertEqual(ticket.replaced_sla_ids.deadline, normal_deadline)
        self.assertNotIn(ticket.replaced_sla_ids, ticket.ticket_sla_ids)

    def test_request_mailed_urgente_is_urgent_from_its_arrival(self):
        """A request whose subject says URGENTE was never a normal one: it
        has the urgent SLA from its arrival and no replaced SLA to show."""
        ticket = self.env["helpdesk.ticket"].browse(
            self._mail("URGENTE: sito down", TUESDAY, "<urgent@rossi.example>")
        )
        self.assertTrue(ticket.is_urgent)
        self.assertEqual(ticket.urgency_source, "email")
        self.assertEqual(ticket.urgency_date, TUESDAY)
        self.assertEqual(ticket.ticket_sla_ids.sla_id, self.urgent_office)
        self.assertFalse(ticket.replaced_sla_ids)
        self._arrived_at(ticket, TUESDAY)
        # 2 working hours from Tuesday 15:30 in Rome: 17:30 in Rome
        self.assertEqual(
            self._deadline(ticket, self.urgent_office), datetime(2026, 3, 10, 16, 30)
        )


@tagged("post_install", "-at_install")
class TestUrgencyWithNobodyOnCall(PlanSlaCase):
    """An urgency at night for a plan that handles urgencies then, in a team
    with nobody on call and no leader: it reaches the team's members, else
    the support managers, and so do its SLA warnings."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan_basic.urgent_calendar_id = cls.always
        cls.member = new_test_user(
            cls.env,
            login="member_night",
            groups="helpdesk_mgmt.group_helpdesk_user",
            email="member@provider.example",
        )
        cls.manager = new_test_user(
            cls.env,
            login="manager_night",
            groups="helpdesk_mgmt.group_helpdesk_user,"
            "support_terms_base.group_support_terms_manager",
            email="manager@provider.example",
        )
        cls.team.write(
            {"alias_name": "assistenza-night", "user_id": False, "user_ids": False}
        )

    def _urgent_at_night(self):
        ticket_id = self.receive_email(
            "Mario Rossi <mario@rossi.example>",
            "assistenza-night@example.com",
            "URGENTE: sito down",
            SUNDAY,
            "<night@rossi.example>",
            custom_values={"team_id": self.team.id},
        )
        return self.env["helpdesk.ticket"].browse(ticket_id)

    def test_team_members_are_called(self):
        self.team.user_ids = self.member
        ticket = self._urgent_at_night()
        self.assertTrue(ticket.is_urgent)
        self.assertEqual(ticket.activity_ids.user_id, self.member)
        self.assertIn("Urgent request out of hours", ticket.activity_ids.summary)

    def test_without_members_the_support_managers_are_called(self):
        ticket = self._urgent_at_night()
        self.assertIn(self.manager, ticket.activity_ids.user_id)
        self.assertNotIn(self.member, ticket.activity_ids.user_id)

    def test_settings_flag_the_team_without_on_call(self):
        settings = self.env["res.config.settings"].create({})
        self.assertIn(self.team.name, settings.support_teams_without_on_call)
        # an administrator without helpdesk rights reads it too
        admin = new_test_user(
            self.env, login="settings_admin", groups="base.group_user,base.group_system"
        )
        settings = self.env(user=admin)["res.config.settings"].create({})
        self.assertIn(self.team.name, settings.support_teams_without_on_call)
        self.team.on_call_user_ids = self.member
        settings = self.env["res.config.settings"].create({})
        self.assertNotIn(self.team.name, settings.support_teams_without_on_call or "")


@tagged("post_install", "-at_install")
class TestSlaMonitorIgnoresArchivedRequests(PlanSlaCase):
    """A request archived (spam) is no longer followed: no warning, no
    escalation."""

    def test_archived_request_is_neither_warned_nor_escalated(self):
        cron = self.env.ref("support_terms_sla.ir_cron_sla_monitor")
        leader = new_test_user(
            self.env, login="leader_arch", groups="helpdesk_mgmt.group_helpdesk_user"
        )
        self.team.user_id = leader
        ticket = self._ticket(datetime(2026, 3, 6, 16, 30))
        ticket.active = False
        # deadline Tuesday 10 March 14:30 UTC: warned at 13:45, expired at 15:00
        for moment in (datetime(2026, 3, 10, 13, 45), datetime(2026, 3, 10, 15, 0)):
            with self.at(moment):
                self.run_like_the_cron_worker(cron)
                self.run_like_the_cron_worker(cron)
        self.assertFalse(ticket.with_context(active_test=False).activity_ids)
        self.assertFalse(ticket.ticket_sla_ids.event_ids)
        self.assertNotEqual(ticket.priority, "3")
