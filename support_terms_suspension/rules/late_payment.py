"""Late payment: when an invoice suspends the services, what counts as late.

Invoices are paid in one instalment by their due date; a late,
missing or partial payment lets the provider suspend the services at once;
reactivation comes only after payment and costs EUR 20.00 + VAT; a customer
who paid late once or more may have its services stopped at the next expiry.
"""

from dateutil.relativedelta import relativedelta

PAID_STATES = ("paid", "in_payment")
# paid, or fully credited by a credit note: nothing is owed any more
SETTLED_STATES = (*PAID_STATES, "reversed")
UNPAID_STATES = ("not_paid", "partial")


def overdue_before(today, grace_days):
    """Invoices due strictly before this date are overdue on ``today``: due on
    the 1st, overdue on the 2nd with 0 grace days, on the 5th with 3."""
    return today - relativedelta(days=max(grace_days, 0))


def is_overdue(date_due, today, grace_days):
    return bool(date_due) and date_due < overdue_before(today, grace_days)


def all_settled(payment_states):
    """Every invoice paid or credited: a suspension for overdue payment lifts."""
    states = list(payment_states)
    return bool(states) and all(state in SETTLED_STATES for state in states)


def late_window_start(today, months):
    """First day of the rolling window in which late payments are counted."""
    return today - relativedelta(months=max(months, 0))


def paid_late(date_due, paid_on, grace_days):
    """Judged on the day the customer paid (the payment's date), not the day
    it was recorded; ``paid_on`` is empty for an invoice only credited."""
    return bool(paid_on) and is_overdue(date_due, paid_on, grace_days)


def settled_late(invoices, grace_days):
    """Whether any of ``invoices`` (``(date_due, paid_on)`` pairs) was paid
    late: the reactivation then costs the fee."""
    return any(paid_late(due, paid_on, grace_days) for due, paid_on in invoices)


def due_before_invoice(invoice_date, due_dates):
    """Whether payment terms make an invoice dated ``invoice_date`` due before
    it was issued (``due_dates``: the terms' instalments for that date)."""
    return any(due < invoice_date for due in due_dates)


def reaches_do_not_renew(late_count, threshold):
    """``threshold`` 0 means never automatically."""
    return threshold > 0 and late_count >= threshold
