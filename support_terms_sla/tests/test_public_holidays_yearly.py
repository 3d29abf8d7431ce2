from datetime import date, datetime

from freezegun import freeze_time

from odoo.tests import Form, new_test_user, tagged

from odoo.addons.support_terms_sla.rules.holidays_it import italian_holidays

from .common import SlaCase

PATRON = (12, 7, "Sant'Ambrogio")


@tagged("post_install", "-at_install")
class TestPublicHolidaysEveryYear(SlaCase):
    """Seeds 001 and 002: support "escluse le festività". A calendar that
    keeps the Italian public holidays gets each next year's from a yearly
    scheduled action, with its patron day; the plan form shows the next
    ones."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cron = cls.env.ref("support_terms_sla.ir_cron_public_holidays")
        cls.company.resource_calendar_id.tz = "Europe/Rome"

    def _holidays_of(self, year):
        leaves = self.env["resource.calendar.leaves"].search(
            [("calendar_id", "=", self.calendar.id), ("resource_id", "=", False)]
        )
        # a day off ends in its own year, in UTC too
        return sorted(
            leaves.filtered(lambda leave: leave.date_to.year == year).mapped("name")
        )

    def _expected(self, year):
        return sorted(name for _day, name in italian_holidays([year], PATRON))

    def _wizard(self):
        with freeze_time("2026-06-15 10:00:00"):
            self.env["support.public.holidays.wizard"].with_context(
                active_model="resource.calendar", active_id=self.calendar.id
            ).create(
                {
                    "patron_day": True,
                    "patron_date": date(2026, 12, 7),
                    "patron_name": "Sant'Ambrogio",
                }
            ).action_add_holidays()

    def test_the_yearly_action_adds_the_next_year_once(self):
        self._wizard()
        self.assertEqual(self.calendar.support_holidays_until, 2027)
        self.assertEqual(self._holidays_of(2027), self._expected(2027))
        self.assertFalse(self._holidays_of(2028))
        # during 2026 there is nothing to add
        with freeze_time("2026-12-30 10:00:00"):
            self.run_like_the_cron_worker(self.cron)
        self.assertFalse(self._holidays_of(2028))
        # the first minutes of 2027 in Rome are still 2026 in UTC
        for _run in range(2):
            with freeze_time("2026-12-31 23:30:00"):
                self.run_like_the_cron_worker(self.cron)
        self.assertEqual(self._holidays_of(2028), self._expected(2028))
        self.assertIn("Sant'Ambrogio", self._holidays_of(2028))
        self.assertEqual(self.calendar.support_holidays_until, 2028)
        self.assertEqual(self._holidays_of(2027), self._expected(2027))

    def test_calendars_that_do_not_keep_them_get_nothing(self):
        with freeze_time("2027-01-10 10:00:00"):
            self.run_like_the_cron_worker(self.cron)
        self.assertFalse(self._holidays_of(2028))
        self.assertFalse(self.calendar.support_public_holidays)

    def test_the_plan_form_shows_the_next_holidays(self):
        self._wizard()
        with freeze_time(datetime(2026, 12, 1, 10, 0)):
            form = Form(self.plan_basic)
            names = [
                form.support_next_holiday_ids[index].name
                for index in range(len(form.support_next_holiday_ids))
            ]
        self.assertEqual(
            names[:4],
            ["Sant'Ambrogio", "Immacolata Concezione", "Natale", "Santo Stefano"],
        )
        # an agent reads them with an agent's rights
        agent = new_test_user(
            self.env, login="holidays_agent", groups="helpdesk_mgmt.group_helpdesk_user"
        )
        with freeze_time(datetime(2026, 12, 1, 10, 0)):
            plan = self.plan_basic.with_user(agent)
            plan.invalidate_recordset(["support_next_holiday_ids"])
            holidays = plan.support_next_holiday_ids
            self.assertEqual(holidays[:1].name, "Sant'Ambrogio")
