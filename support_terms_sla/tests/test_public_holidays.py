from datetime import date, datetime

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import BaseCase, TransactionCase, tagged

from odoo.addons.support_terms_sla.rules.holidays_it import (
    italian_holidays,
    local_day_bounds_utc,
)

DAYS_2026 = [
    date(2026, 1, 1),
    date(2026, 1, 6),
    date(2026, 4, 6),  # Easter Monday
    date(2026, 4, 25),
    date(2026, 5, 1),
    date(2026, 6, 2),
    date(2026, 8, 15),
    date(2026, 10, 4),  # San Francesco, a national holiday again from 2026
    date(2026, 11, 1),
    date(2026, 12, 8),
    date(2026, 12, 25),
    date(2026, 12, 26),
]


@tagged("post_install", "-at_install")
class TestItalianHolidaysRules(BaseCase):
    """The national holidays and the local day bounds, without the ORM."""

    def test_national_days_2026(self):
        found = italian_holidays([2026])
        self.assertEqual([day for day, _name in found], DAYS_2026)
        names = dict(found)
        self.assertEqual(names[date(2026, 12, 25)], "Natale")
        # the library also names the national unity day on 1 November 2026
        self.assertEqual(names[date(2026, 11, 1)], "Ognissanti")
        self.assertTrue(all(name for _day, name in found))
        before = [day for day, _name in italian_holidays([2025])]
        self.assertNotIn(date(2025, 10, 4), before)
        self.assertEqual(len(before), 11)

    def test_easter_monday_moves(self):
        found = [day for day, _name in italian_holidays([2027])]
        self.assertEqual(len(found), 12)
        self.assertIn(date(2027, 3, 29), found)
        self.assertNotIn(date(2027, 3, 28), found)  # Easter Sunday: not listed
        self.assertNotIn(date(2027, 4, 6), found)

    def test_several_years_sorted(self):
        found = [day for day, _name in italian_holidays([2027, 2026])]
        self.assertEqual(len(found), 24)
        self.assertEqual(found, sorted(found))

    def test_patron_day(self):
        found = italian_holidays([2026, 2027], patron_day=(12, 7, "Sant'Ambrogio"))
        self.assertEqual(len(found), 26)
        self.assertEqual(dict(found)[date(2027, 12, 7)], "Sant'Ambrogio")
        # Venice's patron falls on Liberation Day: one day, not two
        found = italian_holidays([2026], patron_day=(4, 25, "San Marco"))
        self.assertEqual(len(found), 12)
        # 29 February only in leap years
        found = italian_holidays([2027, 2028], patron_day=(2, 29, "Patrono"))
        self.assertEqual(len(found), 25)

    def test_local_day_bounds_utc(self):
        # summer time: UTC+2
        self.assertEqual(
            local_day_bounds_utc(date(2026, 8, 15), "Europe/Rome"),
            (datetime(2026, 8, 14, 22, 0, 0), datetime(2026, 8, 15, 21, 59, 59)),
        )
        # winter time: UTC+1
        self.assertEqual(
            local_day_bounds_utc(date(2026, 12, 26), "Europe/Rome"),
            (datetime(2026, 12, 25, 23, 0, 0), datetime(2026, 12, 26, 22, 59, 59)),
        )


@tagged("post_install", "-at_install")
class TestPublicHolidays(TransactionCase):
    """The wizard adds the holidays as global leaves of the calendar."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "Mon-Fri 15-18 (holidays)",
                "tz": "Europe/Rome",
                "attendance_ids": [(5, 0, 0)]
                + [
                    Command.create(
                        {
                            "name": f"day {day}",
                            "dayofweek": str(day),
                            "hour_from": 15.0,
                            "hour_to": 18.0,
                            "day_period": "afternoon",
                        }
                    )
                    for day in range(5)
                ],
            }
        )

    def _leaves(self):
        return self.env["resource.calendar.leaves"].search(
            [("calendar_id", "=", self.calendar.id)], order="date_from"
        )

    def _run(self, **values):
        wizard = (
            self.env["support.public.holidays.wizard"]
            .with_context(active_model="resource.calendar", active_id=self.calendar.id)
            .create(dict({"year_from": 2026, "year_to": 2027}, **values))
        )
        return wizard.action_add_holidays()

    def test_add_holidays_twice(self):
        action = self._run()
        self.assertEqual(action["tag"], "display_notification")
        leaves = self._leaves()
        self.assertEqual(len(leaves), 24)
        self.assertFalse(leaves.resource_id)
        self.assertEqual(set(leaves.mapped("time_type")), {"leave"})
        ferragosto = leaves.filtered(lambda leaf: leaf.date_from.month == 8)[0]
        self.assertEqual(ferragosto.date_from, datetime(2026, 8, 14, 22, 0, 0))
        self.assertEqual(ferragosto.date_to, datetime(2026, 8, 15, 21, 59, 59))
        christmas = leaves.filtered(
            lambda leaf: leaf.date_to.date() == date(2026, 12, 25)
        )
        self.assertEqual(christmas.date_from, datetime(2026, 12, 24, 23, 0, 0))
        self.assertEqual(christmas.name, "Natale")
        self._run()
        self.assertEqual(self._leaves(), leaves)

    def test_existing_leave_kept(self):
        closing = self.env["resource.calendar.leaves"].create(
            {
                "name": "Chiusura natalizia",
                "calendar_id": self.calendar.id,
                "date_from": datetime(2026, 12, 25, 8, 0),
                "date_to": datetime(2026, 12, 25, 12, 0),
            }
        )
        self._run()
        leaves = self._leaves()
        self.assertEqual(len(leaves), 24)
        self.assertIn(closing, leaves)
        self.assertEqual(closing.name, "Chiusura natalizia")
        self.assertEqual(
            len(
                leaves.filtered(
                    lambda leaf: leaf.date_from.date() == date(2026, 12, 24)
                )
            ),
            0,
        )

    def test_patron_day(self):
        self._run(
            patron_day=True, patron_date=date(2000, 12, 7), patron_name="Sant'Ambrogio"
        )
        leaves = self._leaves()
        self.assertEqual(len(leaves), 26)
        patron = leaves.filtered(lambda leaf: leaf.name == "Sant'Ambrogio")
        self.assertEqual(
            patron.mapped("date_from"),
            [datetime(2026, 12, 6, 23, 0), datetime(2027, 12, 6, 23, 0)],
        )

    def test_new_patron_day_without_a_name_is_not_named_after_the_old_one(self):
        """A provider moving to another city gives the new patron day without
        its saint: the day off is not named after the former city's saint."""
        self._run(
            patron_day=True, patron_date=date(2000, 12, 7), patron_name="Sant'Ambrogio"
        )
        self._run(
            year_from=2028, year_to=2028, patron_day=True, patron_date=date(2000, 6, 29)
        )
        patron = self._leaves().filtered(
            lambda leaf: leaf.date_to.date() == date(2028, 6, 29)
        )
        self.assertEqual(len(patron), 1)
        self.assertNotEqual(patron.name, "Sant'Ambrogio")
        self.assertFalse(self.calendar.support_patron_name)

    def test_default_calendar_from_context(self):
        wizard = (
            self.env["support.public.holidays.wizard"]
            .with_context(active_model="resource.calendar", active_id=self.calendar.id)
            .create({})
        )
        self.assertEqual(wizard.calendar_id, self.calendar)
        self.assertEqual(wizard.year_to, wizard.year_from + 1)

    def test_bad_input_refused(self):
        for values in (
            {"year_from": 2027, "year_to": 2026},
            {"year_from": 2026, "year_to": 2076},
            {"patron_day": True, "patron_date": False},
            {"year_from": 0},
        ):
            with self.subTest(values=values), self.assertRaises(ValidationError):
                self._run(**values)
        self.assertFalse(self._leaves())

    def test_deadline_skips_holiday(self):
        # Thursday 31 December 2026 17:30 in Rome (UTC+1)
        start = datetime(2026, 12, 31, 16, 30)
        # 0.5 h on Thursday, then Friday 15:00-18:00 and 0.5 h on Monday
        self.assertEqual(
            self.calendar.plan_hours(4.0, start, compute_leaves=True),
            datetime(2027, 1, 4, 14, 30),
        )
        self._run()
        # 1 January is a holiday: 3 h on Monday, 0.5 h on Tuesday 5 January
        self.assertEqual(
            self.calendar.plan_hours(4.0, start, compute_leaves=True),
            datetime(2027, 1, 5, 14, 30),
        )
