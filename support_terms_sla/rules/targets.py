"""Which take-in-charge targets of a plan make sense."""

# A take-in-charge target above a month of round-the-clock hours is a typo,
# not a promise any provider makes.
MAX_TARGET_HOURS = 24 * 31


def target_problems(take_in_charge_hours, urgent_take_in_charge_hours):
    """Codes of what is wrong in a plan's targets; an empty list when sound."""
    problems = []
    for code, hours in (
        ("take_in_charge", take_in_charge_hours),
        ("urgent_take_in_charge", urgent_take_in_charge_hours),
    ):
        if hours < 0:
            problems.append(f"{code}_negative")
        elif hours > MAX_TARGET_HOURS:
            problems.append(f"{code}_absurd")
    return problems
