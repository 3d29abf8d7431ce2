"""The five terms templates, as data: one module per template.

Each reproduces the shape of one real set of Italian terms without naming
the provider. The wizard ``support.terms.template.apply`` turns one of them
into the records of a company, feature by feature; each feature reads its
own keys of a template:

- plans: ``products`` (names, prices), ``team``, ``plans`` (code, name,
  sequence, products, channels, ``channel_rule`` for requests on other
  channels, terms); ``company`` ``support_duplicate_days``;
- SLA: ``calendars`` and, per plan, ``calendar``, ``urgent_calendar``,
  ``take_in_charge_hours``, ``urgent_take_in_charge_hours``,
  ``urgency_terms``, ``urgency_fee_product``, ``impact_priority`` (the
  impact sets the priority);
- auto-close: per plan ``auto_close_days``, ``auto_close_warning_days``;
  ``company`` ``support_auto_close_without_plan``;
- coverage: ``coverage`` ({plan code: {request kind: rule}}), per plan
  ``includes_extraordinary``, ``assess_before_work``, per product
  ``credit_pack``; ``company`` ``support_no_plan_mode`` (requests without a
  plan);
- renewal: per plan ``duration_days``, ``refund_window_hours``,
  ``renewal_reminder_days``; the products' renewal terms with the
  template's ``notice_days`` (0 when its terms name none);
  ``renewal_by_choice`` (its plans are renewed by the customer's choice, on
  a renewal quotation, not tacitly);
  ``notice_judged_on``; ``company`` ``support_notice_email``,
  ``support_notice_portal`` and ``support_renewal_reminders``;
- suspension: ``company`` ``support_overdue_suspension`` and
  ``support_overdue_grace_days``, ``reactivation_fee``.

``company`` holds the company settings a template turns on because its terms
say so; a template never turns a setting off.
"""

from . import (
    hosting_credits,
    hosting_gold,
    hosting_priority,
    web_assistance,
    wp_maintenance,
)
from .common import (
    CALENDARS,
    CATEGORY_NAMES,
    CHANNEL_NAMES,
    TZ,
    product_service_terms,
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

__all__ = [
    "CALENDARS",
    "CATEGORY_NAMES",
    "CHANNEL_NAMES",
    "TEMPLATES",
    "TEMPLATE_SELECTION",
    "TZ",
    "notice_judged_on",
    "product_service_terms",
]


def notice_judged_on(template):
    """Which day a cancellation notice is judged on under ``template``.

    "sent" when its terms say the notice must be sent by the last day to
    cancel; otherwise "received": a notice takes effect when it reaches the
    provider (art. 1335 c.c.).
    """
    return TEMPLATES[template].get("notice_judged_on", "received")
