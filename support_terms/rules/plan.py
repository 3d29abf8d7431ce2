"""Which plan is in force, and which plan settings make sense.

Plain functions on plain values, so that the rule reads the same in the tests
as in the terms.
"""

from .auto_close import auto_close_problems

# A take-in-charge target above a month of round-the-clock hours is a typo,
# not a promise any provider makes.
MAX_TARGET_HOURS = 24 * 31


def first_plan(candidates):
    """The plan in force among several: the lowest (sequence, id) wins.

    ``candidates`` is an iterable of ``(sequence, plan_id)``; returns the id
    or ``None``.
    """
    best = min(candidates, default=None)
    return best[1] if best else None


def plan_problems(
    take_in_charge_hours,
    urgent_take_in_charge_hours,
    auto_close_days,
    auto_close_warning_days,
    duration_days,
    refund_window_hours,
    renewal_reminder_days,
):
    """Codes of what is wrong in a plan's numbers; an empty list when sound."""
    problems = []
    for code, hours in (
        ("take_in_charge", take_in_charge_hours),
        ("urgent_take_in_charge", urgent_take_in_charge_hours),
    ):
        if hours < 0:
            problems.append(f"{code}_negative")
        elif hours > MAX_TARGET_HOURS:
            problems.append(f"{code}_absurd")
    problems.extend(
        f"auto_close_{code}"
        for code in auto_close_problems(auto_close_days, auto_close_warning_days)
    )
    if duration_days <= 0:
        problems.append("duration_not_positive")
    if refund_window_hours < 0:
        problems.append("refund_window_negative")
    elif duration_days > 0 and refund_window_hours > duration_days * 24:
        problems.append("refund_window_too_long")
    if renewal_reminder_days < 0:
        problems.append("renewal_reminder_negative")
    elif duration_days > 0 and renewal_reminder_days >= duration_days:
        problems.append("renewal_reminder_too_long")
    return problems
