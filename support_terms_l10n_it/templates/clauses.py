"""The clauses of the five terms templates, numbered as the terms read.

``approval``: the clause binds the customer only if specifically approved in
writing (Codice civile art. 1341, comma 2). ``rule``: the automatic rule it
grounds, which warns staff when it acts on a customer who did not approve it.
"""

from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

_RENEWAL_60 = {
    "key": "renewal",
    "title": _lt("Tacit renewal"),
    "text": _lt(
        "The services renew by themselves every year at their expiry unless "
        "either party cancels them by registered letter with return receipt at "
        "least 60 days before the expiry; without a timely cancellation the fee "
        "of the renewal is due."
    ),
    "approval": True,
    "rule": "renewal",
}
_RENEWAL_PLAN = {
    "key": "renewal",
    "title": _lt("Tacit renewal of the support plan"),
    "text": _lt(
        "The support plan lasts one year from its purchase and renews by itself "
        "for another year unless cancelled before its expiry."
    ),
    "approval": True,
    "rule": "renewal",
}

CLAUSES = {
    "hosting_gold": [
        {
            "key": "help_desk",
            "title": _lt("Help desk"),
            "text": _lt(
                "Support is given to GOLD customers through the online Help Desk "
                "of the customer area, with their username and password."
            ),
            "approval": False,
        },
        {
            "key": "payments",
            "title": _lt("Payments"),
            "text": _lt(
                "Invoices are paid in full by the due date shown on them, by bank "
                "transfer; new services are paid before their activation."
            ),
            "approval": False,
        },
        {
            "key": "suspension",
            "title": _lt("Suspension for late payment"),
            "text": _lt(
                "If an invoice is paid late, partly or not at all, the provider "
                "may suspend or interrupt the services at once, even without "
                "notice; reactivation follows the payment and costs EUR 20.00 + "
                "VAT."
            ),
            "approval": True,
            "rule": "suspension",
        },
        {
            "key": "withdrawal_late_payers",
            "title": _lt("End of supply to late payers"),
            "text": _lt(
                "The provider may ask a customer who paid late one or more times "
                "to move the services to another provider, or stop supplying "
                "them at the first expiry."
            ),
            "approval": True,
        },
        _RENEWAL_60,
        {
            "key": "no_refund",
            "title": _lt("No refund on early termination"),
            "text": _lt(
                "A customer who cancels before the expiry is not refunded for "
                "the rest of the period."
            ),
            "approval": True,
            "rule": "no_refund",
        },
    ],
    "web_assistance": [
        {
            "key": "contract",
            "title": _lt("Annual assistance contract"),
            "text": _lt(
                "Technical assistance requires an annual contract at the fee "
                "agreed in the offer; without it, requests are handled as "
                "customer support at its fees."
            ),
            "approval": False,
        },
        {
            "key": "channels_hours",
            "title": _lt("Requests and hours"),
            "text": _lt(
                "Requests are sent by email or the contact form, never by phone, "
                "and are handled Monday to Friday from 15:00 to 18:00, taken in "
                "charge within 4 working hours."
            ),
            "approval": False,
        },
        {
            "key": "resolution_times",
            "title": _lt("Resolution times not guaranteed"),
            "text": _lt(
                "Resolution times vary with the problem and with the restoring "
                "times of third parties' services."
            ),
            "approval": True,
        },
        {
            "key": "out_of_hours",
            "title": _lt("Out of hours and holidays"),
            "text": _lt(
                "Out of working hours and on holidays the same service is not "
                "guaranteed unless agreed separately."
            ),
            "approval": True,
        },
        _RENEWAL_PLAN,
    ],
    "wp_maintenance": [
        {
            "key": "plans_hours",
            "title": _lt("Plans and hours"),
            "text": _lt(
                "Remote support Monday to Saturday 9:30-19:30, urgencies every "
                "day; phone support with the PREMIUM plan only."
            ),
            "approval": False,
        },
        {
            "key": "closing",
            "title": _lt("Closing of unanswered requests"),
            "text": _lt(
                "A request left without the customer's answer for 7 days is closed."
            ),
            "approval": True,
        },
        {
            "key": "own_actions",
            "title": _lt("Customer's own actions not covered"),
            "text": _lt(
                "Damage from the customer's own wrong actions is not covered by "
                "the plan and is repaired at a fee."
            ),
            "approval": True,
        },
        _RENEWAL_PLAN,
        {
            "key": "no_refund",
            "title": _lt("Refund only within 24 hours"),
            "text": _lt(
                "Plans are not refundable, except within 24 hours of the purchase."
            ),
            "approval": True,
            "rule": "no_refund",
        },
    ],
    "hosting_credits": [
        {
            "key": "tickets",
            "title": _lt("Support by ticket"),
            "text": _lt(
                "Support is given through tickets only, on working days, "
                "answered within 7 days."
            ),
            "approval": False,
        },
        {
            "key": "credits",
            "title": _lt("Prepaid credits"),
            "text": _lt(
                "The listed extra requests are paid with prepaid credits, which "
                "expire 365 days after their purchase."
            ),
            "approval": True,
        },
        _RENEWAL_PLAN,
        {
            "key": "no_refund",
            "title": _lt("No refund"),
            "text": _lt("Plans and credits are not refundable."),
            "approval": True,
            "rule": "no_refund",
        },
    ],
    "hosting_priority": [
        {
            "key": "first_answer",
            "title": _lt("First answer and priority"),
            "text": _lt(
                "Tickets get a first answer within 10 minutes; requests that make "
                "the service unusable come first."
            ),
            "approval": False,
        },
        {
            "key": "own_code",
            "title": _lt("Customer's code not covered"),
            "text": _lt(
                "The customer's own code and unsupported software are not "
                "covered; repairs due to the customer are charged."
            ),
            "approval": True,
        },
        _RENEWAL_PLAN,
    ],
}
