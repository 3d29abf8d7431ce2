"""When a ticket waiting for the customer is warned and closed.

The terms say "closed after 7 days without a reply" ("entro 7 giorni"); the
customer is warned some days before. The scheduled action runs every hour, so
a warning goes out within the hour after its date and the closing stays on
the seventh day. A warning sent later (the action missed its runs) still
leaves the customer the whole warning period before the closing.
"""

from datetime import timedelta

# The action's interval: a warning sent within it after its date is on time.
WARNING_ON_TIME = timedelta(hours=1)


def auto_close_dates(waiting_since, days, warning_days, warned_at=None):
    """``(warning_date, closing_date)`` of a waiting period, ``None`` for
    "never" (``days`` 0) and "no warning" (``warning_days`` 0)."""
    if not waiting_since or days <= 0:
        return None, None
    closing = waiting_since + timedelta(days=days)
    if warning_days <= 0:
        return None, closing
    warning = closing - timedelta(days=warning_days)
    if warned_at and warned_at - warning >= WARNING_ON_TIME:
        closing = max(closing, warned_at + timedelta(days=warning_days))
    return warning, closing


def reopens(closed_at, replied_at, reopen_days):
    """Whether a reply within ``reopen_days`` of an automatic closing reopens
    the ticket; a later one opens a new request linked to it."""
    return bool(closed_at) and replied_at <= closed_at + timedelta(days=reopen_days)
