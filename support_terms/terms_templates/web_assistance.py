"""Annual web assistance by email, 15:00-18:00, taken in charge in 4 hours.

The terms: requests by email or the website's form, never by phone;
Monday to Friday 15:00-18:00, each request taken in charge within 4 working
hours; URGENTE in the subject for blocking faults, unjustified urgencies
billed apart; updates, bugs, mailboxes, hosting, backup and restore are
covered, new features and interface changes are quoted.
"""

from odoo.tools.translate import LazyTranslate

from .common import included, plan, quote

_lt = LazyTranslate(__name__)

_NOTE_NEW_FEATURE = _lt(
    "New features are not maintenance: you receive a quote to accept."
)
_NOTE_INTERFACE = _lt("Interface changes are work on a quote.")

TEMPLATE = {
    # "In assenza di un contratto [...] secondo le tariffe del servizio di
    # supporto": a request without a plan waits for a quote
    "company": {"support_no_plan_mode": "quote"},
    "team": _lt("Technical assistance"),
    "products": {
        "assistance": {"name": _lt("Annual technical assistance"), "price": 480.0},
        "hosting": {"name": _lt("Hosting and email"), "price": 90.0},
        "development": {"name": _lt("Development on quote"), "price": 50.0},
        "urgency_fee": {"name": _lt("Unjustified urgency"), "price": 40.0},
    },
    "plans": [
        plan(
            code="ASSIST",
            name=_lt("Annual technical assistance"),
            products=["assistance"],
            urgency_fee_product="urgency_fee",
            calendar="afternoon",
            # "via email [...] ovvero attraverso la sezione CONTATTI del sito
            # web. Non possono essere prese in considerazione richieste
            # telefoniche."
            channels=["email", "portal"],
            take_in_charge_hours=4.0,
            urgent_take_in_charge_hours=4.0,
            urgency_terms=_lt(
                "Write URGENTE in the subject only for faults that stop the "
                "website: out of hours the same service cannot be guaranteed, and "
                "unjustified urgencies handled with priority are billed "
                "separately."
            ),
            terms=_lt(
                "<p>Requests are sent by email or through the website's contact "
                "form; phone requests are not accepted. The service runs Monday "
                "to Friday from 15:00 to 18:00 and every request is taken in "
                "charge within 4 working hours; the take in charge is "
                "confirmed by email with the expected resolution date.</p>"
                "<p>For urgent requests write URGENTE in the email subject. "
                "Unjustified urgencies, handled with priority anyway, are "
                "billed separately.</p>"
            ),
        ),
    ],
    # what each plan covers, per kind of request
    "coverage": {
        "ASSIST": {
            **included(
                "outage",
                "technical_support",
                "mailbox_change",
                "backup_restore",
                "backup_recovery",
                "script_updates",
            ),
            "new_feature": quote("development", _NOTE_NEW_FEATURE),
            "template_change": quote("development", _NOTE_INTERFACE),
        },
    },
}
