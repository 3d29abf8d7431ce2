"""Hosting with prepaid credit packs (WPCRED) and a Hyper plan.

The terms: support through tickets only, on working days, answered within 7
days; a ticket closes after 7 days without an answer, with or without a
plan; the listed extra requests are paid with credits; the Hyper plan also
covers extraordinary work; plans and credits last 365 days, not refundable.
"""

from odoo.tools.translate import LazyTranslate

from .common import CLOSE_AFTER_7_DAYS, included, paid_with_credits, plan

_lt = LazyTranslate(__name__)

_NOTE_CREDITS = _lt("Extra request: paid with prepaid support credits (WPCRED).")

# the extra requests and the credits each one costs
_CREDIT_EXTRAS = {
    "script_updates": 2,
    "third_party_check": 2,
    "new_feature": 3,
    "template_change": 3,
    "content_review": 1,
    "log_analysis": 1,
    "device_fault": 2,
    "mailbox_change": 1,
    "customer_config_error": 2,
    "backup_recovery": 2,
    "service_information": 1,
    "status_check": 1,
}

_HOSTING_CREDITS = {
    key: paid_with_credits(n, _NOTE_CREDITS) for key, n in _CREDIT_EXTRAS.items()
} | included("outage", "technical_support")

# "unicamente attraverso il sistema dei ticket" (the phone is for sales
# only), answered on working days; "prima di intervenire, cerchiamo sempre
# di stabilire se una richiesta è da considerarsi extra"
_TICKETS_ONLY = dict(
    CLOSE_AFTER_7_DAYS,
    channels=["portal"],
    urgent_take_in_charge_hours=8.0,
    assess_before_work=True,
)
# the hosting plans: an answer within 7 days, extra work paid with credits
_HOSTING = dict(
    _TICKETS_ONLY,
    take_in_charge_hours=40.0,
    urgency_terms=_lt(
        "Urgent requests are handled first on working days; extra work is "
        "paid with WPCRED credits."
    ),
)

TEMPLATE = {
    # "il Ticket viene chiuso automaticamente trascorsi 7 giorni se non
    # riceviamo risposta dal Cliente": every ticket, plan or not
    "company": {"support_auto_close_without_plan": True},
    "team": _lt("Hosting support"),
    "products": {
        "hosting": {"name": _lt("Standard hosting"), "price": 99.0},
        "hosting_dev": {
            "name": _lt("Hosting with website development"),
            "price": 199.0,
        },
        "hyper": {"name": _lt("Hyper plan"), "price": 790.0},
        "credits": {
            "name": _lt("WPCRED credit pack"),
            "price": 100.0,
            "credit_pack": {"credits": 10, "validity_days": 365},
        },
    },
    "plans": [
        plan(
            **_TICKETS_ONLY,
            code="HYPER",
            sequence=5,
            name=_lt("Hyper plan"),
            products=["hyper"],
            take_in_charge_hours=16.0,
            includes_extraordinary=True,
            urgency_terms=_lt("Urgent requests are handled first on working days."),
            terms=_lt(
                "<p>Ordinary and extraordinary website maintenance, hardening, "
                "updates of scripts, themes and plugins. Support through "
                "tickets only, Monday to Friday, holidays excluded.</p><p>A "
                "ticket closes automatically after 7 days without an answer. "
                "Plan and credits last 365 days and are not refundable.</p>"
            ),
        ),
        plan(
            **_HOSTING,
            code="HOSTDEV",
            name=_lt("Hosting with development"),
            products=["hosting_dev"],
            terms=_lt(
                "<p>Hosting, databases, mail server and webmail always up; "
                "updates of the installed scripts and plugins (where possible) "
                "and help on the standard features of the installed open source "
                "scripts. Answer within 7 days, through tickets only. Extra "
                "requests are paid with WPCRED credits.</p>"
            ),
        ),
        plan(
            **_HOSTING,
            code="HOSTING",
            sequence=20,
            name=_lt("Standard hosting"),
            products=["hosting"],
            terms=_lt(
                "<p>Hosting, file system and web server always up, databases "
                "running, mail server and webmail working. Answer within 7 "
                "days, through tickets only. Questions on control panels, "
                "system status checks and checks of the customer's own "
                "actions are not covered: they are paid with WPCRED "
                "credits.</p>"
            ),
        ),
    ],
    # what each plan covers, per kind of request
    "coverage": {
        "HYPER": included("outage", "technical_support", *_CREDIT_EXTRAS),
        "HOSTDEV": _HOSTING_CREDITS | included("script_updates"),
        "HOSTING": _HOSTING_CREDITS,
    },
}
