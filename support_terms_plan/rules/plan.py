"""Which plan is in force.

Plain functions on plain values, so that the rule reads the same in the tests
as in the terms.
"""


def first_plan(candidates):
    """The plan in force among several: the lowest (sequence, id) wins.

    ``candidates`` is an iterable of ``(sequence, plan_id)``; returns the id
    or ``None``.
    """
    best = min(candidates, default=None)
    return best[1] if best else None
