"""Coverage of a request and its billing: which rule applies, what it needs.

Plain functions on plain values (no ORM), tested directly.
"""

COVERAGES = ("included", "extra", "excluded")
BILLING_MODES = ("credits", "quote", "fixed_fee")


def rule_problems(coverage, billing_mode, credit_count, has_product):
    """Codes of what is wrong in a coverage rule; an empty list when sound.

    An extra says how it is paid: credits (a positive number of them), a
    quote or a fixed fee (both from a product). An excluded request may only
    go on as paid work by quote; an included one is not billed.
    """
    problems = []
    if coverage == "extra" and not billing_mode:
        problems.append("extra_without_billing")
    if coverage == "included" and billing_mode:
        problems.append("included_billed")
    if coverage == "excluded" and billing_mode not in (False, None, "quote"):
        problems.append("excluded_not_quote")
    if billing_mode == "credits" and (credit_count or 0) <= 0:
        problems.append("credits_not_positive")
    if billing_mode in ("quote", "fixed_fee") and not has_product:
        problems.append("product_missing")
    return problems


def ticket_coverage(rule_coverage):
    """The coverage of a request: its rule's, or "to_assess" without a rule."""
    return rule_coverage or "to_assess"
