"""Tacit renewal with notice: periods, notice deadlines, reminders, refunds.

Services renew every year from their start ("anniversary") or every 31
December ("calendar year"), unless cancelled by the notice deadline.
"""

from datetime import date, timedelta

from odoo.addons.support_terms_base.rules.periods import days_period_end

ANNIVERSARY = "anniversary"
CALENDAR_YEAR = "calendar_year"

DEFAULT_NOTICE_DAYS = 60

ON_TIME = "on_time"
LATE = "late"
LATE_RENEWED = "late_renewed"


def anniversary(day, years=1):
    """The same day ``years`` later; 29 February falls on 1 March."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 3, 1)


def period_end(start, policy, notice_days=0, duration_days=0):
    """Last day of the first period of a service that begins on ``start``;
    a calendar-year period whose last day to cancel is already past runs to
    the next 31 December, so that the customer could cancel in time."""
    if duration_days:
        return days_period_end(start, duration_days)
    if policy == CALENDAR_YEAR:
        end = date(start.year, 12, 31)
        if end - timedelta(days=notice_days or 0) < start:
            end = date(start.year + 1, 12, 31)
        return end
    if policy == ANNIVERSARY:
        return anniversary(start) - timedelta(days=1)
    raise ValueError(f"unknown renewal policy {policy!r}")


def next_period(date_end, policy, duration_days=0):
    """(start, end) of the period that follows one ending on ``date_end``."""
    start = date_end + timedelta(days=1)
    # no notice days: a calendar-year renewal ends on the coming 31 December
    # (only a first period may start too late to be cancelled for it)
    return start, period_end(start, policy, duration_days=duration_days)


def notice_deadline(date_end, notice_days):
    """The last day on which a cancellation stops the renewal."""
    return date_end - timedelta(days=notice_days or 0) if date_end else None


def notice_outcome(received, deadline, renewed_since):
    """How a cancellation judged on day ``received`` applies to a service
    whose period in progress that day has ``deadline`` as its last day to
    cancel, and was ``renewed_since`` for the next period: ``on_time`` stops
    it at the end of that period (undoing a renewal), ``late`` renews it once
    (``late_renewed``: the renewal was already made)."""
    if deadline is None or received <= deadline:
        return ON_TIME
    return LATE_RENEWED if renewed_since else LATE


def reminder_dates(date_end, deadline, reminder_days, remind_end):
    """{kind: day} of the reminders owed for one period: ``notice`` before
    the last day to cancel, ``end`` before the end when ``remind_end``; one
    only when both fall on the same day, none without reminder days."""
    dates = {}
    if not reminder_days or reminder_days < 0:
        return dates
    before = timedelta(days=reminder_days)
    if deadline:
        dates["notice"] = deadline - before
    if remind_end and date_end and date_end - before != dates.get("notice"):
        dates["end"] = date_end - before
    return dates


def within_refund_window(purchased_at, cancelled_at, window_hours):
    """A plan cancelled (the notice reaching the provider) within
    ``window_hours`` of its purchase is refunded."""
    if not window_hours or not purchased_at or cancelled_at < purchased_at:
        return False
    return cancelled_at - purchased_at <= timedelta(hours=window_hours)


def days_left(deadline, today):
    """Days left to cancel; negative once the deadline has passed."""
    return (deadline - today).days if deadline else None
