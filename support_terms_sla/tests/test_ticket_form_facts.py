from datetime import datetime

from freezegun import freeze_time

from odoo.tests import Form, new_test_user, tagged

from .common import SlaCase


@tagged("post_install", "-at_install")
class TestTicketFormFacts(SlaCase):
    """The agent reads on the request's form what the terms promise.

    Issue scenario: "a header on the ticket form with the plan, an urgency
    badge, the take-in-charge countdown in working hours ... buttons only when
    they apply"; terms: "la presa in carico entro 4 ore lavorative" (support
    hours Mon-Fri 15-18, Rome).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent = new_test_user(
            cls.env,
            login="agent_facts",
            groups="helpdesk_mgmt.group_helpdesk_user",
            name="Giulia Agente",
        )
        cls.always = cls._create_calendar(
            "H24", cls.company, hours=((0, 1, 2, 3, 4, 5, 6), 0.0, 24.0)
        )
        cls.plan_basic.write(
            {"urgent_calendar_id": cls.always.id, "urgent_take_in_charge_hours": 2.0}
        )
        cls._create_contract(cls.customer, cls.product_basic, "2026-01-01")

    def _ticket(self, moment, urgent=False):
        with freeze_time(moment):
            ticket = self.env["helpdesk.ticket"].create(
                {
                    "name": "Sito lento",
                    "description": "<p>?</p>",
                    "partner_id": self.contact.id,
                    "is_urgent": urgent,
                }
            )
        # PostgreSQL's now() ignores frozen time: the arrival, stamped
        self.env.cr.execute(
            "UPDATE helpdesk_ticket SET create_date = %s WHERE id = %s",
            (moment, ticket.id),
        )
        ticket.invalidate_recordset(["create_date"])
        return ticket

    def _countdown(self, ticket, moment):
        with freeze_time(moment):
            ticket.invalidate_recordset()
            form = Form(ticket.with_user(self.agent))
            return (
                form.support_take_in_charge_countdown,
                form.support_take_in_charge_left,
            )

    def test_countdown_counts_working_hours_of_the_plan(self):
        """Arrived Tuesday 15:30 in Rome, 4 working hours: at 17:00 two and a
        half are left; on Wednesday at 17:00, half an hour past the target."""
        ticket = self._ticket(datetime(2026, 3, 10, 14, 30))
        self.assertEqual(
            ticket.support_take_in_charge_deadline, datetime(2026, 3, 11, 15, 30)
        )
        text, left = self._countdown(ticket, datetime(2026, 3, 10, 16, 0))
        self.assertAlmostEqual(left, 2.5, places=2)
        self.assertEqual(text, "2 h 30 min of working time left")
        # the night and the morning out of the support hours do not count
        text, left = self._countdown(ticket, datetime(2026, 3, 11, 13, 0))
        self.assertAlmostEqual(left, 1.5, places=2)
        text, left = self._countdown(ticket, datetime(2026, 3, 11, 16, 0))
        self.assertAlmostEqual(left, -0.5, places=2)
        self.assertEqual(text, "late by 30 min of working time")

    def test_urgent_countdown_counts_the_urgent_hours(self):
        """An urgency is taken in charge within 2 hours of the urgent hours
        (every day, round the clock): Saturday night counts."""
        ticket = self._ticket(datetime(2026, 3, 14, 22, 0), urgent=True)
        with freeze_time(datetime(2026, 3, 14, 22, 0)):
            ticket.invalidate_recordset()
            self.assertEqual(
                ticket.support_take_in_charge_deadline, datetime(2026, 3, 15, 0, 0)
            )
        text, left = self._countdown(ticket, datetime(2026, 3, 14, 23, 0))
        self.assertAlmostEqual(left, 1.0, places=2)
        self.assertEqual(text, "1 h of working time left")

    def test_no_countdown_once_taken_in_charge(self):
        """After the take in charge the countdown and "Take in charge" go."""
        ticket = self._ticket(datetime(2026, 3, 10, 14, 30))
        with freeze_time(datetime(2026, 3, 10, 15, 0)):
            as_agent = ticket.with_user(self.agent)
            self.assertTrue(
                self._shown(as_agent, "//button[@name='action_take_in_charge']")
            )
            self.assertTrue(
                self._shown(as_agent, "//div[@name='support_fact_take_in_charge']")
            )
            self.env["support.take.in.charge.wizard"].with_user(self.agent).create(
                {"ticket_id": ticket.id}
            ).action_confirm()
            as_agent.invalidate_recordset()
            self.assertFalse(as_agent.support_take_in_charge_countdown)
            self.assertFalse(
                self._shown(as_agent, "//button[@name='action_take_in_charge']")
            )
            self.assertFalse(
                self._shown(as_agent, "//div[@name='support_fact_take_in_charge']")
            )

    def test_no_countdown_without_a_target(self):
        """A plan that promises no take in charge shows no countdown."""
        self.plan_basic.take_in_charge_hours = 0
        ticket = self._ticket(datetime(2026, 3, 10, 14, 30))
        text, left = self._countdown(ticket, datetime(2026, 3, 10, 16, 0))
        self.assertFalse(text)
        self.assertFalse(
            self._shown(
                ticket.with_user(self.agent),
                "//div[@name='support_fact_take_in_charge']",
            )
        )

    def test_urgent_request_is_visibly_urgent(self):
        """An urgent request shows an "Urgent" badge in the header, not only
        three stars; a normal one does not."""
        normal = self._ticket(datetime(2026, 3, 10, 14, 30))
        urgent = self._ticket(datetime(2026, 3, 10, 14, 30), urgent=True)
        badge = "//div[@name='support_facts']//span[@name='support_urgent_badge']"
        self.assertTrue(self._shown(urgent.with_user(self.agent), badge))
        self.assertFalse(self._shown(normal.with_user(self.agent), badge))
        # the list too: an open urgent request's row is red
        arch = (
            self.env["helpdesk.ticket"]
            .with_user(self.agent)
            .get_views([(False, "list")])["views"]["list"]["arch"]
        )
        self.assertIn('decoration-danger="is_urgent and not closed"', arch)
        # and its kanban card
        card = "//span[@name='support_urgent_badge']"
        self.assertTrue(self._shown(urgent.with_user(self.agent), card, "kanban"))
        self.assertFalse(self._shown(normal.with_user(self.agent), card, "kanban"))

    def test_plan_targets_read_as_working_hours(self):
        """Targets are working hours ("16 ore lavorative"), not a clock time
        ("16:00")."""
        manager = new_test_user(
            self.env,
            login="manager_targets",
            groups="support_terms_base.group_support_terms_manager",
        )
        plans = self.env["support.plan"].with_user(manager)
        for view_type in ("form", "list"):
            arch = plans.get_views([(False, view_type)])["views"][view_type]["arch"]
            self.assertNotIn("float_time", arch)
            self.assertIn("working hours", arch)

    def test_recorded_in_progress_is_in_charge(self):
        """A request staff record directly in progress is in charge: no
        "Take in charge" offered, no countdown, no email about it."""
        progress = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_in_progress")
        with freeze_time(datetime(2026, 3, 10, 15, 0)):
            ticket = (
                self.env["helpdesk.ticket"]
                .with_user(self.agent)
                .create(
                    {
                        "name": "Telefonata: sito lento",
                        "description": "<p>?</p>",
                        "partner_id": self.contact.id,
                        "stage_id": progress.id,
                    }
                )
            )
            self.assertEqual(ticket.taken_in_charge_date, datetime(2026, 3, 10, 15, 0))
            self.assertFalse(ticket.support_take_in_charge_countdown)
            self.assertFalse(
                self._shown(ticket, "//button[@name='action_take_in_charge']")
            )
        self.assertFalse(
            ticket.message_ids.filtered(
                lambda m: "taken in charge" in (m.subject or "")
            )
        )
