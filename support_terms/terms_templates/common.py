"""What the templates share: support hours, channels, request kinds, the
shapes of a coverage rule and the renewal terms of the services they sell.

Texts are English source strings marked with ``_lt``: Odoo's export puts them
in the module's ``.pot`` and the wizard reads each language's text from the
``.po`` files. Hours are ``(weekdays, from, to)`` with Monday = 0, in the
calendar's time zone; support hours close on the Italian public holidays
unless ``holidays`` is False.
"""

from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

TZ = "Europe/Rome"
MON_FRI = (0, 1, 2, 3, 4)
MON_SAT = (0, 1, 2, 3, 4, 5)
EVERY_DAY = (0, 1, 2, 3, 4, 5, 6)

CALENDARS = {
    "office": {
        "name": _lt("Office hours (Mon-Fri 9-13, 14-18)"),
        "hours": [(MON_FRI, 9.0, 13.0), (MON_FRI, 14.0, 18.0)],
    },
    "afternoon": {
        "name": _lt("Support Mon-Fri 15-18"),
        "hours": [(MON_FRI, 15.0, 18.0)],
    },
    "mon_sat": {
        "name": _lt("Support Mon-Sat 9:30-19:30"),
        "hours": [(MON_SAT, 9.5, 13.0), (MON_SAT, 13.0, 19.5)],
    },
    "always": {
        "name": _lt("Urgencies 24/7"),
        "hours": [(EVERY_DAY, 0.0, 12.0), (EVERY_DAY, 12.0, 24.0)],
        # urgencies are answered "h24 anche di domenica": holidays too
        "holidays": False,
    },
}


CHANNEL_NAMES = {
    "email": _lt("Email"),
    "portal": _lt("Customer portal"),
    "chat": _lt("Chat"),
    "phone": _lt("Phone"),
    "remote": _lt("Remote assistance"),
    "other": _lt("Other (fax, mail)"),
}


# The request kinds shipped by support_terms_coverage (xml ids
# support_terms_coverage.helpdesk_ticket_category_<key>).
CATEGORY_NAMES = {
    "outage": _lt("Outage report"),
    "technical_support": _lt("Technical support"),
    "administrative": _lt("Administrative request"),
    "backup_restore": _lt("Backup or restore"),
    "service_upgrade": _lt("Service upgrade"),
    "paid_intervention": _lt("Paid technical intervention"),
    "script_updates": _lt("Script and plugin updates"),
    "third_party_check": _lt("Third-party software check"),
    "new_feature": _lt("New feature or change"),
    "template_change": _lt("Template or interface change"),
    "content_review": _lt("Content review"),
    "log_analysis": _lt("Log analysis"),
    "device_fault": _lt("Device-specific fault"),
    "mailbox_change": _lt("Mailbox add/change/remove"),
    "customer_config_error": _lt("Configuration error caused by the customer"),
    "backup_recovery": _lt("Backup recovery"),
    "service_information": _lt("Information on the services"),
    "status_check": _lt("System status check"),
    "own_code": _lt("Customer's own code"),
    "unsupported_software": _lt("Unsupported software"),
    "misuse": _lt("Misuse or negligence"),
}


# -- a plan: the terms most plans share, and those a template states ------

PLAN_DEFAULTS = {
    "sequence": 10,
    "calendar": "office",
    "urgent_calendar": False,
    "channel_rule": "refuse",
    "impact_priority": False,
    "urgency_fee_product": False,
    "auto_close_days": 0,
    "auto_close_warning_days": 0,
    "includes_extraordinary": False,
    "assess_before_work": False,
    "duration_days": 365,
    "refund_window_hours": 0,
    "renewal_reminder_days": 30,
}

# "il ticket viene chiuso automaticamente trascorsi 7 giorni se non
# riceviamo risposta": warned 2 days before
CLOSE_AFTER_7_DAYS = {"auto_close_days": 7, "auto_close_warning_days": 2}


def plan(**terms):
    """A plan of a template: its ``terms`` over ``PLAN_DEFAULTS``."""
    return PLAN_DEFAULTS | terms


# -- the shapes of a coverage rule (one per kind of request and plan) -------


def included(*kinds):
    """``kinds`` of request the plan covers."""
    return {kind: {"coverage": "included"} for kind in kinds}


def paid_with_credits(count, note):
    return dict(coverage="extra", billing_mode="credits", credits=count, note=note)


def quote(product, note):
    return dict(coverage="extra", billing_mode="quote", product=product, note=note)


def fee(product, note):
    return dict(coverage="extra", billing_mode="fixed_fee", product=product, note=note)


def excluded(note, quote_product=None):
    """Not covered; offered as work on a quote of ``quote_product``, if any."""
    rule = {"coverage": "excluded", "note": note}
    if quote_product:
        rule.update(billing_mode="quote", product=quote_product)
    return rule


def hints(note):
    """Answered without intervention: pointers to the errors, no quote."""
    return {"coverage": "hints", "note": note}


NOTE_QUOTE_INTERVENTION = _lt(
    "Paid technical intervention: price and conditions in the quote, to be "
    "accepted before the work starts."
)

# Hosting, domains and certified mailboxes renew yearly from their
# registration; showcases and banners every 31 December. Credit packs and
# one-shot interventions do not renew.
SERVICE_KIND_BY_KEY = {
    "hosting": ("hosting", "anniversary"),
    "hosting_dev": ("hosting", "anniversary"),
    "server": ("hosting", "anniversary"),
    "domain": ("domain", "anniversary"),
    "pec": ("pec", "anniversary"),
    "showcase": ("showcase", "calendar_year"),
    "banner": ("banner", "calendar_year"),
    "credits": ("credit_pack", False),
    "one_shot": ("other", False),
}
