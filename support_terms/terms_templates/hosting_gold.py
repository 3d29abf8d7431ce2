"""Hosting with a GOLD help desk in the customer area and tacit renewals.

The terms: support only for GOLD customers, through the help desk, in office
hours; services renew by themselves every year unless cancelled by
registered letter 60 days before expiry; late payers are suspended at once
and pay 20 euro + VAT to be reactivated; paid interventions by quote.
"""

from odoo.tools.translate import LazyTranslate

from .common import NOTE_QUOTE_INTERVENTION, included, plan, quote

_lt = LazyTranslate(__name__)

_NOTE_UPGRADE = _lt("Service upgrades are offered with a quote.")

TEMPLATE = {
    # "In caso di tardivo, omesso, incompleto pagamento ... sospendere ...
    # con effetto immediato"; "la riattivazione ... comporterà un addebito
    # pari a euro 20.00 + iva"
    "company": {
        "support_overdue_suspension": True,
        "support_overdue_grace_days": 0,
    },
    "reactivation_fee": True,
    "team": _lt("GOLD Help Desk"),
    # "la disdetta ... dovrà essere inviata ... almeno 60 giorni prima":
    # judged on the day it was sent; the other templates say nothing,
    # so a notice counts when it is received (art. 1335 c.c.)
    "notice_judged_on": "sent",
    # "dovrà essere inviata via Raccomandata a/r almeno 60 giorni prima della
    # scadenza": every service sold, the GOLD plan included
    "notice_days": 60,
    "products": {
        "hosting": {"name": _lt("Yearly hosting"), "price": 120.0},
        "domain": {"name": _lt("Domain name"), "price": 15.0},
        "pec": {"name": _lt("Certified email (PEC)"), "price": 25.0},
        "showcase": {"name": _lt("Company showcase"), "price": 150.0},
        "banner": {"name": _lt("Advertising banner"), "price": 80.0},
        "gold": {"name": _lt("GOLD Help Desk"), "price": 200.0},
        "intervention": {"name": _lt("Paid technical intervention"), "price": 60.0},
    },
    "plans": [
        plan(
            code="GOLD",
            name=_lt("GOLD Help Desk"),
            products=["gold"],
            # "supporto ai propri clienti GOLD attraverso un comodo Help Desk
            # online": email, phone and fax only to ask for the login
            channels=["portal"],
            take_in_charge_hours=8.0,
            urgent_take_in_charge_hours=2.0,
            urgency_terms=_lt(
                "Urgent requests are handled first in office hours; technical "
                "interventions not covered are paid."
            ),
            terms=_lt(
                "<p>Support is reserved to GOLD customers through the Help "
                "Desk in the customer area: outage reports, technical and "
                "administrative support, backup or restore requests, service "
                "upgrades and paid technical interventions.</p>"
                "<p>Services renew tacitly every year; cancellation must be "
                "sent by registered letter at least 60 days before expiry. "
                "No refund for early termination.</p>"
            ),
        ),
    ],
    # what each plan covers, per kind of request
    "coverage": {
        "GOLD": {
            **included(
                "outage", "technical_support", "administrative", "backup_restore"
            ),
            "service_upgrade": quote("intervention", _NOTE_UPGRADE),
            "paid_intervention": quote("intervention", NOTE_QUOTE_INTERVENTION),
        },
    },
}
