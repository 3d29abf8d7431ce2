"""The five terms templates, as data: one module per template.

Each reproduces the shape of one real set of Italian terms without naming
the provider; the wizard ``support.terms.template.apply`` turns one into the
records of a company. A template holds its ``products`` (names, prices,
``credit_pack``), ``team``, ``plans`` (``common.plan``: the keys of
``common.PLAN_DEFAULTS``, their hours among ``common.CALENDARS``, and code,
name, products, channels, take-in-charge hours, urgency terms, terms),
``coverage`` ({plan code: {request kind: rule}}), the renewal terms of its
products (``notice_days``, ``renewal_by_choice``, ``notice_judged_on``),
``reactivation_fee``, and ``company``: the company settings its terms turn
on (a template never turns a setting off).
"""

from . import (
    hosting_credits,
    hosting_gold,
    hosting_priority,
    web_assistance,
    wp_maintenance,
)

TEMPLATE_SELECTION = [
    ("hosting_gold", "Hosting with GOLD help desk and tacit renewals"),
    ("web_assistance", "Annual web assistance, 15:00-18:00, 4-hour take in charge"),
    ("wp_maintenance", "WordPress maintenance BASIC/PREMIUM with Sunday urgencies"),
    ("hosting_credits", "Hosting with prepaid credit packs and a Hyper plan"),
    (
        "hosting_priority",
        "Hosting provider, 10-minute first answer, priority by impact",
    ),
]

TEMPLATES = {
    "hosting_gold": hosting_gold.TEMPLATE,
    "web_assistance": web_assistance.TEMPLATE,
    "wp_maintenance": wp_maintenance.TEMPLATE,
    "hosting_credits": hosting_credits.TEMPLATE,
    "hosting_priority": hosting_priority.TEMPLATE,
}


def notice_judged_on(template):
    """Which day a cancellation notice is judged on under ``template``: "sent"
    when its terms say so, else "received" (art. 1335 c.c.)."""
    return TEMPLATES[template].get("notice_judged_on", "received")
