from datetime import timedelta

import pytz

from odoo import api, fields, models

from odoo.addons.support_terms_base.tools import run_due_batch

from ..rules.holidays_it import italian_holidays, local_day_bounds_utc


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    support_public_holidays = fields.Boolean(
        string="Italian public holidays",
        help="The support is closed on the Italian national holidays (and the "
        "patron day): a yearly action adds next year's to this calendar.",
    )
    support_holidays_until = fields.Integer(
        string="Public holidays loaded until",
        readonly=True,
        index=True,
        copy=False,
        help="The last year whose public holidays this calendar has.",
    )
    support_patron_date = fields.Date(
        string="Patron day",
        help="The local patron saint's day off, every year (only its day and "
        "month count).",
    )
    support_patron_name = fields.Char(string="Patron day name")

    def _support_has_working_hours(self):
        """Whether deadlines can be counted on this calendar."""
        self.ensure_one()
        return not self.flexible_hours and bool(self.attendance_ids)

    def _support_in_hours(self, moment):
        """Whether ``moment`` (naive UTC) falls in the working hours; public
        holidays (global leaves) are not. No calendar: never."""
        if not self:
            return False
        start = pytz.utc.localize(moment)
        intervals = self._work_intervals_batch(
            start, start + timedelta(minutes=1), compute_leaves=True
        )[False]
        return bool(list(intervals))

    def _support_patron(self, date=None, name=None):
        """``(month, day, name)`` of the patron day given, else of the
        calendar's, or None."""
        if not date:
            date, name = self.support_patron_date, self.support_patron_name
        if not date:
            return None
        return (date.month, date.day, name or self.env._("Patron saint's day"))

    def _support_add_public_holidays(self, years, patron=None):
        """Add the Italian national holidays (and ``patron``, a ``(month,
        day, name)``) of ``years`` as global leaves, whole local days, except
        on days that already have one, and record the last year loaded
        (``support_holidays_until``). Returns the leaves created."""
        self.ensure_one()
        days = [
            (name, *local_day_bounds_utc(day, self.tz))
            for day, name in italian_holidays(years, patron)
        ]
        # sudo: a plan manager keeps the holidays without calendar rights
        leaves = self.env["resource.calendar.leaves"].sudo()
        existing = leaves.search(
            [
                ("calendar_id", "=", self.id),
                ("resource_id", "=", False),
                ("date_from", "<=", max(end for _name, _start, end in days)),
                ("date_to", ">=", min(start for _name, start, _end in days)),
            ]
        )
        busy = [(leave.date_from, leave.date_to) for leave in existing]
        created = leaves.create(
            [
                {
                    "name": name,
                    "calendar_id": self.id,
                    "resource_id": False,
                    "time_type": "leave",
                    "date_from": start,
                    "date_to": end,
                }
                for name, start, end in days
                if not any(
                    leave_from <= end and leave_to >= start
                    for leave_from, leave_to in busy
                )
            ]
        )
        # the calendar has them up to the last of these years at least
        self.support_holidays_until = max(max(years), self.support_holidays_until)
        return created

    def _support_keep_public_holidays(self, patron_date=None, patron_name=None):
        """The calendar keeps the public holidays (and this patron day) of
        this year and the next; the yearly action adds the following ones."""
        values = {"support_public_holidays": True}
        if patron_date:
            values.update(
                support_patron_date=patron_date,
                support_patron_name=patron_name or False,
            )
        self.write(values)
        self._support_load_next_year()

    def _support_load_next_year(self):
        for calendar in self:
            year = (calendar.company_id or self.env.company)._support_today().year
            calendar._support_add_public_holidays(
                range(year, year + 2), calendar._support_patron()
            )

    @api.model
    def _cron_support_public_holidays(self):
        """Once a year: the calendars that keep the public holidays get the
        next year's. Idempotent: a calendar leaves the due set once loaded."""
        next_year = self.env.company._support_today().year + 1
        due = [
            ("support_public_holidays", "=", True),
            ("support_holidays_until", "<", next_year),
        ]
        return run_due_batch(
            self.with_context(active_test=False),
            "support_terms.public_holidays_batch_size",
            100,
            "id",
            [(due, lambda calendars: calendars._support_load_next_year())],
        )
