"""Which terms of a plan sold as a service make sense."""


def term_problems(duration_days, refund_window_hours, renewal_reminder_days):
    """Codes of what is wrong in a plan's term; an empty list when sound."""
    problems = []
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
