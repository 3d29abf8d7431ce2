from contextlib import contextmanager
from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import SupportTermsCase


@tagged("post_install", "-at_install")
class TestPlanSla(SupportTermsCase):
    """Deadlines in the plan's working hours, holidays and time zone."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.always = cls._create_calendar(
            "H24", cls.company, hours=((0, 1, 2, 3, 4, 5, 6), 0.0, 24.0)
        )
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {"name": "Assistenza SLA", "use_sla": True}
        )
        cls.stage_done = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        sla_model = cls.env["helpdesk.sla"]
        cls.take_in_charge = sla_model.create(
            {
                "name": "Presa in carico 4 ore",
                "team_ids": [(6, 0, cls.team.ids)],
                "support_plan_ids": [(6, 0, cls.plan_basic.ids)],
                "urgency": "normal",
                "hours": 4,
                "stage_id": cls.stage_done.id,
                "resource_calendar_id": cls.calendar.id,
            }
        )
        cls.urgent_always = sla_model.create(
            {
                "name": "Urgenze H24",
                "team_ids": [(6, 0, cls.team.ids)],
                "support_plan_ids": [(6, 0, cls.plan_premium.ids)],
                "urgency": "urgent",
                "hours": 2,
                "stage_id": cls.stage_done.id,
                "resource_calendar_id": cls.always.id,
            }
        )
        cls.urgent_office = sla_model.create(
            {
                "name": "Urgenze in orario",
                "team_ids": [(6, 0, cls.team.ids)],
                "support_plan_ids": [(6, 0, cls.plan_basic.ids)],
                "urgency": "urgent",
                "hours": 2,
                "stage_id": cls.stage_done.id,
                "resource_calendar_id": cls.calendar.id,
            }
        )
        cls._create_contract(cls.customer, cls.product_basic, "2026-01-01")
        cls._create_contract(cls.other_customer, cls.product_premium, "2026-01-01")

    @contextmanager
    def at(self, moment):
        with freeze_time(moment):
            yield

    def _arrived_at(self, ticket, moment):
        """Stamp the arrival time: PostgreSQL's now() ignores frozen time."""
        self.env.cr.execute(
            "UPDATE helpdesk_ticket SET create_date = %s WHERE id = %s",
            (moment, ticket.id),
        )
        ticket.invalidate_recordset(["create_date"])
        with self.at(moment):
            ticket.set_sla()

    def _ticket(self, moment, partner=None, urgent=False):
        with self.at(moment):
            ticket = self.env["helpdesk.ticket"].create(
                {
                    "name": "Sito lento",
                    "description": "<p>?</p>",
                    "partner_id": (partner or self.contact).id,
                    "team_id": self.team.id,
                    "is_urgent": urgent,
                    "urgency_source": "staff" if urgent else False,
                }
            )
        self._arrived_at(ticket, moment)
        return ticket

    def _deadline(self, ticket, sla):
        line = ticket.ticket_sla_ids.filtered(lambda s: s.sla_id == sla)
        self.assertEqual(len(line), 1, f"{sla.name} applies once")
        return line.deadline

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
