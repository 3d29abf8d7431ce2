"""Tacit renewal with notice: periods, notice deadlines, reminders, refunds.

Hosting, domains and PEC boxes renew every year from their
registration or transfer date ("anniversary"); company showcases and banners
renew every 31 December ("calendar year"); a cancellation must reach the
provider at least 60 days before the expiry, otherwise the renewal is due.
Support plans last 365 days, are refundable within 24 hours of
purchase only, and the customer is contacted a month before they expire.

Anything sold for a number of days (a support plan's period, prepaid credits)
lasts that many days counting the day of purchase: ``days_period_end`` is the
one rule both use.
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
    """Last day of the first period of a service that begins on ``start``.

    ``duration_days`` (a support plan's duration) makes the period last that
    many days (``days_period_end``), whatever the policy. Otherwise an
    anniversary period lasts a year: from 15 March to 14 March, from
    29 February 2024 to 28 February 2025. A calendar-year period ends on the
    31 December of its start year, unless its last day to cancel
    (``notice_days`` before) would already be past on the day of sale: then
    the first period runs to the next 31 December, so that the customer
    always gets a period it could cancel in time.
    """
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
    if duration_days:
        return start, days_period_end(start, duration_days)
    if policy == CALENDAR_YEAR:
        # a line that ended before 31 December renews to the next one
        return start, date(start.year, 12, 31)
    return start, period_end(start, policy)


def notice_deadline(date_end, notice_days):
    """The last day on which a cancellation stops the renewal."""
    if not date_end:
        return None
    return date_end - timedelta(days=notice_days or 0)


def notice_outcome(received, deadline, renewed_since):
    """How a cancellation of ``received`` applies to a service.

    ``received`` is the day the notice is judged on: the day it was sent
    (postmark, PEC acceptance) when the terms say it must be "sent" by the
    deadline, else the day it was received. ``deadline`` is the notice
    deadline of the period in progress on that day; ``renewed_since`` says
    the service was renewed for the next period since (the renewal runs the
    day after the deadline).

    - ``on_time``: received by the deadline, the service stops at the end of
      that period (a renewal made meanwhile is undone);
    - ``late``: the renewal is due: renew once, stop at the end of the
      renewed period;
    - ``late_renewed``: as ``late``, the renewal was already made.
    """
    if deadline is None or received <= deadline:
        return ON_TIME
    return LATE_RENEWED if renewed_since else LATE


def reminder_dates(date_end, deadline, reminder_days, remind_end):
    """{kind: day} of the reminders owed for one period of a service.

    ``notice``: ``reminder_days`` before the notice deadline (the last day to
    cancel); ``end``: ``reminder_days`` before the end, for the services whose
    customer is contacted before they expire (support plans). No reminder
    days, no reminders.
    """
    dates = {}
    if not reminder_days or reminder_days < 0:
        return dates
    if deadline:
        dates["notice"] = deadline - timedelta(days=reminder_days)
    if remind_end and date_end:
        dates["end"] = date_end - timedelta(days=reminder_days)
    return dates


def within_refund_window(purchased_at, cancelled_at, window_hours):
    """A plan cancelled within ``window_hours`` of its purchase is refunded.

    ``cancelled_at`` is the moment the notice reached the provider, never
    the moment staff confirmed it.
    """
    if not window_hours or not purchased_at or cancelled_at < purchased_at:
        return False
    return cancelled_at - purchased_at <= timedelta(hours=window_hours)


def days_left(deadline, today):
    """Days left to cancel; negative once the deadline has passed."""
    if not deadline:
        return None
    return (deadline - today).days
