"""Prepaid support credits: validity and first-expiring-first consumption."""

from odoo.addons.support_terms_base.rules.periods import days_period_end


def credit_expiry(start, validity_days):
    """Last day credits bought on ``start`` can be used: the rule of a support
    plan's period, so credits and a plan bought together end together."""
    if validity_days <= 0:
        raise ValueError("validity_days must be positive")
    return days_period_end(start, validity_days)


def allocate_fifo(packs, quantity):
    """Take ``quantity`` credits from ``packs``, those expiring first first.

    ``packs`` is an iterable of ``(pack_id, remaining, expiry_date)``.
    Returns ``([(pack_id, taken)], shortfall)``: what to take from which
    pack, in order, and what the packs could not cover.
    """
    if quantity <= 0:
        raise ValueError("quantity must be positive")
    allocation = []
    left = quantity
    for pack_id, remaining, _expiry in sorted(
        packs, key=lambda pack: (pack[2], pack[0])
    ):
        if left <= 0:
            break
        if remaining <= 0:
            continue
        taken = min(remaining, left)
        allocation.append((pack_id, taken))
        left -= taken
    return allocation, max(left, 0)
