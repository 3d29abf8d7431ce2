"""WordPress maintenance plans BASIC and PREMIUM with Sunday urgencies.

The terms: remote support Monday to Saturday 9:30-19:30, urgencies round the
clock, Sundays included; phone only for PREMIUM; a ticket closes after 7
days without an answer, with or without a plan; plans last 365 days,
refundable within 24 hours; the customer's wrong actions are not covered,
one-shot work is quoted.
"""

from odoo.tools.translate import LazyTranslate

from .common import (
    CLOSE_AFTER_7_DAYS,
    NOTE_QUOTE_INTERVENTION,
    excluded,
    included,
    plan,
    quote,
)

_lt = LazyTranslate(__name__)

_NOTE_CUSTOMER_ERROR = _lt(
    "Work to check or fix wrong actions taken by the customer is not covered "
    "by the plan; we can do it as paid work on a quote."
)

_COVERAGE = {
    **included("outage", "technical_support", "script_updates", "backup_restore"),
    "paid_intervention": quote("one_shot", NOTE_QUOTE_INTERVENTION),
    "customer_config_error": excluded(_NOTE_CUSTOMER_ERROR, "one_shot"),
    "misuse": excluded(_NOTE_CUSTOMER_ERROR, "one_shot"),
}

# both plans: support Monday to Saturday, urgencies round the clock;
# refundable within 24 hours of the purchase
_MAINTENANCE = dict(
    CLOSE_AFTER_7_DAYS,
    calendar="mon_sat",
    urgent_calendar="always",
    refund_window_hours=24,
    urgency_terms=_lt(
        "For urgent and serious problems we answer round the clock, "
        "Sundays included."
    ),
)

TEMPLATE = {
    # "il ticket di assistenza viene chiuso automaticamente entro 7 giorni,
    # se non riceviamo risposta dal cliente": every ticket, plan or not
    # "Non sono rimborsabili (se non entro max. 24h dall'acquisto)": support
    # runs by email and chat, so a refund request by email or from the
    # portal is valid; no notice period, cancelled up to the expiry.
    # "verrai contattato dal nostro staff un mese prima della scadenza":
    # the customer is reminded before its plan ends
    "company": {
        "support_auto_close_without_plan": True,
        "support_notice_email": True,
        "support_notice_portal": True,
        "support_renewal_reminders": True,
    },
    # "vanno rinnovati di anno in anno (verrai contattato dal nostro staff
    # un mese prima della scadenza)": the plans are renewed by the customer's
    # choice, on a renewal quotation, never tacitly
    "renewal_by_choice": True,
    "team": _lt("WordPress support"),
    "products": {
        "basic": {"name": _lt("BASIC maintenance plan"), "price": 290.0},
        "premium": {"name": _lt("PREMIUM maintenance plan"), "price": 590.0},
        "one_shot": {"name": _lt("One-shot technical intervention"), "price": 0.0},
    },
    "plans": [
        plan(
            **_MAINTENANCE,
            code="PREMIUM",
            sequence=5,
            name=_lt("PREMIUM maintenance"),
            products=["premium"],
            # "via mail o chat"; the phone "esclusivamente dedicato agli
            # utenti del PIANO DI MANUTENZIONE PREMIUM"
            channels=["email", "chat", "phone"],
            take_in_charge_hours=4.0,
            urgent_take_in_charge_hours=2.0,
            terms=_lt(
                "<p>Remote support by email, chat and, for the PREMIUM plan "
                "only, phone; Monday to Saturday 9:30-19:30, holidays "
                "excluded, and round the clock on Sundays too for urgent and "
                "serious problems.</p><p>A ticket closes automatically after 7 "
                "days without an answer from the customer. The plan lasts 365 "
                "days from purchase, is refundable within 24 hours only and "
                "renews yearly: we will contact you a month before it "
                "expires.</p>"
                "<p>Before any change or delicate work on your site, contact us "
                "for a technical opinion: we are not responsible for problems "
                "caused by wrong changes or activities of the customer, and "
                "fixing them is not covered by the plan.</p>"
            ),
        ),
        plan(
            **_MAINTENANCE,
            code="BASIC",
            name=_lt("BASIC maintenance"),
            products=["basic"],
            # "non viene fornita assistenza tecnica telefonica agli utenti del
            # piano BASIC"
            channels=["email", "chat"],
            take_in_charge_hours=8.0,
            urgent_take_in_charge_hours=4.0,
            terms=_lt(
                "<p>Remote support by email and chat (no phone support); Monday "
                "to Saturday 9:30-19:30, holidays excluded, and round the clock "
                "on Sundays too for urgent and serious problems.</p><p>A ticket "
                "closes automatically after 7 days without an answer from the "
                "customer. The plan lasts 365 days from purchase, is refundable "
                "within 24 hours only and renews yearly: we will contact you a "
                "month before it expires.</p>"
                "<p>Before any change or delicate work on your site, contact us "
                "for a technical opinion: we are not responsible for problems "
                "caused by wrong changes or activities of the customer, and "
                "fixing them is not covered by the plan.</p>"
            ),
        ),
    ],
    # what each plan covers, per kind of request
    "coverage": {"PREMIUM": _COVERAGE, "BASIC": _COVERAGE},
}
