"""Hosting provider answering within 10 minutes, by impact.

The terms: tickets from the customer area, email or phone, a first answer
within 10 minutes, first the requests that make the service unusable; the
customer's own code and unsupported software get hints only, repairs due
to the customer are charged.
"""

from odoo.tools.translate import LazyTranslate

from .common import fee, hints, included, plan

_lt = LazyTranslate(__name__)

_NOTE_OWN_CODE = _lt(
    "The customer's own code is not covered: we can point you to the errors "
    "and show you how to read the web server logs."
)
_NOTE_UNSUPPORTED = _lt(
    "Software we do not support is not covered: we can point you to the "
    "errors and show you how to read the web server logs."
)
_NOTE_CUSTOMER_FAULT = _lt(
    "Repairs due to the customer's fault (improper or negligent use, "
    "disclosed passwords, destroyed data) are charged."
)

TEMPLATE = {
    "company": {
        # support "solo ai nostri clienti": others are refused politely
        "support_no_plan_mode": "refuse",
        # "non aprire ticket differenti per il medesimo problema": a request
        # like an open one of the last week is shown as its probable duplicate
        "support_duplicate_days": 7,
    },
    "team": _lt("Customer support"),
    "products": {
        "hosting": {"name": _lt("Managed hosting"), "price": 150.0},
        "server": {"name": _lt("Dedicated server"), "price": 900.0},
        "repair": {"name": _lt("Repair due to the customer"), "price": 80.0},
    },
    "plans": [
        plan(
            code="CUSTOMER",
            name=_lt("Hosting customer support"),
            products=["hosting", "server"],
            # tickets in the customer area advised, email and phone welcome
            channels=["portal", "email", "phone"],
            channel_rule="accept",
            take_in_charge_hours=10.0 / 60.0,
            # "service down" first: the impact sets the priority
            impact_priority=True,
            urgent_take_in_charge_hours=10.0 / 60.0,
            urgency_terms=_lt(
                "Requests that make the service wholly unusable come first."
            ),
            terms=_lt(
                "<p>Open a ticket in the customer area, write to support or "
                "call us: we answer within 10 minutes, first the requests that "
                "make the service wholly unusable. One ticket per problem.</p>"
                "<p>The customer's own code, software we do not support and "
                "improper or negligent use of the services are not covered: "
                "repairs due to the customer's fault are charged.</p>"
                "<p>We back up your spaces periodically, but keeping the data you "
                "store is up to you: take every measure needed to protect your "
                "own data.</p><p>The service may be suspended without notice in "
                "case of an order of the authorities, illegal material, spamming "
                "or intrusion attempts from the server.</p>"
            ),
        ),
    ],
    # what each plan covers, per kind of request
    "coverage": {
        "CUSTOMER": {
            **included("outage", "technical_support"),
            # "solo indizi": hints on the errors, neither work nor a quote
            "own_code": hints(_NOTE_OWN_CODE),
            "unsupported_software": hints(_NOTE_UNSUPPORTED),
            "misuse": fee("repair", _NOTE_CUSTOMER_FAULT),
            "customer_config_error": fee("repair", _NOTE_CUSTOMER_FAULT),
        },
    },
}
