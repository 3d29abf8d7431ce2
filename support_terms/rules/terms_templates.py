"""The five terms templates, as plain data.

Each reproduces the shape of one real set of terms (``shared/seeds``) without
naming the provider. The wizard ``support.terms.template.apply`` turns one of
them into plans, calendars, channels, products and a team of a company; later
capabilities add their own keys (SLAs, coverage rules, renewal settings).

``company`` holds the company settings a template turns on because its
terms say so (suspension of late payers, closing requests without a plan),
``reactivation_fee`` whether they charge the shipped reactivation fee; a
template never turns a setting off.

Texts are given per language (``it_IT``, ``en_US``); hours are
``(weekdays, from, to)`` with Monday = 0, in the calendar's time zone.
"""

TZ = "Europe/Rome"
MON_FRI = (0, 1, 2, 3, 4)
MON_SAT = (0, 1, 2, 3, 4, 5)
EVERY_DAY = (0, 1, 2, 3, 4, 5, 6)

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

CALENDARS = {
    "office": {
        "name": {
            "it_IT": "Orario d'ufficio (Lun-Ven 9-13, 14-18)",
            "en_US": "Office hours (Mon-Fri 9-13, 14-18)",
        },
        "hours": [(MON_FRI, 9.0, 13.0), (MON_FRI, 14.0, 18.0)],
    },
    "afternoon": {
        "name": {
            "it_IT": "Assistenza Lun-Ven 15-18",
            "en_US": "Support Mon-Fri 15-18",
        },
        "hours": [(MON_FRI, 15.0, 18.0)],
    },
    "mon_sat": {
        "name": {
            "it_IT": "Assistenza Lun-Sab 9:30-19:30",
            "en_US": "Support Mon-Sat 9:30-19:30",
        },
        "hours": [(MON_SAT, 9.5, 13.0), (MON_SAT, 13.0, 19.5)],
    },
    "always": {
        "name": {
            "it_IT": "Urgenze H24 7 giorni su 7",
            "en_US": "Urgencies 24/7",
        },
        "hours": [(EVERY_DAY, 0.0, 12.0), (EVERY_DAY, 12.0, 24.0)],
    },
}

CHANNEL_NAMES = {
    "email": {"it_IT": "Email", "en_US": "Email"},
    "portal": {"it_IT": "Area clienti", "en_US": "Customer portal"},
    "chat": {"it_IT": "Chat", "en_US": "Chat"},
    "phone": {"it_IT": "Telefono", "en_US": "Phone"},
    "remote": {"it_IT": "Teleassistenza", "en_US": "Remote assistance"},
    "other": {"it_IT": "Altro (fax, posta)", "en_US": "Other (fax, mail)"},
}


# The request kinds of data/helpdesk_ticket_category_data.xml (xml ids
# helpdesk_ticket_category_<key>), named in both languages.
CATEGORY_NAMES = {
    "outage": {"it_IT": "Segnalazione di disservizio", "en_US": "Outage report"},
    "technical_support": {"it_IT": "Supporto tecnico", "en_US": "Technical support"},
    "administrative": {
        "it_IT": "Richiesta amministrativa",
        "en_US": "Administrative request",
    },
    "backup_restore": {"it_IT": "Backup o ripristino", "en_US": "Backup or restore"},
    "service_upgrade": {"it_IT": "Upgrade dei servizi", "en_US": "Service upgrade"},
    "paid_intervention": {
        "it_IT": "Intervento tecnico a pagamento",
        "en_US": "Paid technical intervention",
    },
    "script_updates": {
        "it_IT": "Aggiornamenti di script e plugin",
        "en_US": "Script and plugin updates",
    },
    "third_party_check": {
        "it_IT": "Controllo di software di terze parti",
        "en_US": "Third-party software check",
    },
    "new_feature": {
        "it_IT": "Nuova funzionalità o modifica",
        "en_US": "New feature or change",
    },
    "template_change": {
        "it_IT": "Modifica al template o all'interfaccia grafica",
        "en_US": "Template or interface change",
    },
    "content_review": {"it_IT": "Revisione dei contenuti", "en_US": "Content review"},
    "log_analysis": {"it_IT": "Analisi dei log", "en_US": "Log analysis"},
    "device_fault": {
        "it_IT": "Malfunzionamento su dispositivi specifici",
        "en_US": "Device-specific fault",
    },
    "mailbox_change": {
        "it_IT": "Aggiunta, modifica o rimozione di caselle di posta",
        "en_US": "Mailbox add/change/remove",
    },
    "customer_config_error": {
        "it_IT": "Errore di configurazione causato dal cliente",
        "en_US": "Configuration error caused by the customer",
    },
    "backup_recovery": {"it_IT": "Recupero di backup", "en_US": "Backup recovery"},
    "service_information": {
        "it_IT": "Informazioni sui servizi",
        "en_US": "Information on the services",
    },
    "status_check": {
        "it_IT": "Verifica dello stato dei sistemi",
        "en_US": "System status check",
    },
    "own_code": {
        "it_IT": "Codice realizzato dal cliente",
        "en_US": "Customer's own code",
    },
    "unsupported_software": {
        "it_IT": "Software non supportato",
        "en_US": "Unsupported software",
    },
    "misuse": {
        "it_IT": "Uso non conforme o negligente",
        "en_US": "Misuse or negligence",
    },
}


def _p(it, en):
    return {"it_IT": it, "en_US": en}


TEMPLATES = {
    # seed 000: GOLD help desk in the customer area, tacit yearly renewals
    "hosting_gold": {
        # "In caso di tardivo, omesso, incompleto pagamento ... sospendere ...
        # con effetto immediato"; "la riattivazione ... comporterà un addebito
        # pari a euro 20.00 + iva"
        "company": {
            "support_overdue_suspension": True,
            "support_overdue_grace_days": 0,
        },
        "reactivation_fee": True,
        "team": _p("Help Desk GOLD", "GOLD Help Desk"),
        # "la disdetta ... dovrà essere inviata ... almeno 60 giorni prima":
        # judged on the day it was sent; the other templates say nothing,
        # so a notice counts when it is received (art. 1335 c.c.)
        "notice_judged_on": "sent",
        "calendars": ["office"],
        "products": {
            "hosting": {
                "name": _p("Hosting annuale", "Yearly hosting"),
                "price": 120.0,
            },
            "domain": {"name": _p("Nome a dominio", "Domain name"), "price": 15.0},
            "pec": {"name": _p("Casella PEC", "Certified email (PEC)"), "price": 25.0},
            "showcase": {
                "name": _p("Vetrina aziendale", "Company showcase"),
                "price": 150.0,
            },
            "banner": {
                "name": _p("Banner pubblicitario", "Advertising banner"),
                "price": 80.0,
            },
            "gold": {"name": _p("Help Desk GOLD", "GOLD Help Desk"), "price": 200.0},
            "intervention": {
                "name": _p(
                    "Intervento tecnico a pagamento", "Paid technical intervention"
                ),
                "price": 60.0,
            },
        },
        "plans": [
            {
                "code": "GOLD",
                "name": _p("Help Desk GOLD", "GOLD Help Desk"),
                "products": ["gold"],
                "calendar": "office",
                "urgent_calendar": False,
                "channels": ["portal", "email", "phone", "other"],
                "take_in_charge_hours": 8.0,
                "urgent_take_in_charge_hours": 2.0,
                "auto_close_days": 0,
                "auto_close_warning_days": 0,
                "includes_extraordinary": False,
                "duration_days": 365,
                "refund_window_hours": 0,
                "renewal_reminder_days": 30,
                "urgency_terms": _p(
                    "Le urgenze sono gestite per prime in orario d'ufficio; gli "
                    "interventi tecnici non coperti sono a pagamento.",
                    "Urgent requests are handled first in office hours; technical "
                    "interventions not covered are paid.",
                ),
                "terms": _p(
                    "<p>Il supporto è riservato ai clienti GOLD tramite l'Help "
                    "Desk nell'area clienti: segnalazione di disservizi, supporto "
                    "tecnico e amministrativo, richieste di backup o ripristino, "
                    "upgrade dei servizi e interventi tecnici a pagamento.</p>"
                    "<p>I servizi si rinnovano tacitamente ogni anno; la disdetta "
                    "va inviata con raccomandata A/R almeno 60 giorni prima della "
                    "scadenza. Nessun rimborso in caso di disdetta anticipata.</p>",
                    "<p>Support is reserved to GOLD customers through the Help "
                    "Desk in the customer area: outage reports, technical and "
                    "administrative support, backup or restore requests, service "
                    "upgrades and paid technical interventions.</p>"
                    "<p>Services renew tacitly every year; cancellation must be "
                    "sent by registered letter at least 60 days before expiry. "
                    "No refund for early termination.</p>",
                ),
            },
        ],
    },
    # seed 001: annual assistance contract, email only, 15-18, 4 working hours
    "web_assistance": {
        "team": _p("Assistenza tecnica", "Technical assistance"),
        "calendars": ["afternoon"],
        "products": {
            "assistance": {
                "name": _p("Assistenza tecnica annuale", "Annual technical assistance"),
                "price": 480.0,
            },
            "hosting": {
                "name": _p("Hosting e posta", "Hosting and email"),
                "price": 90.0,
            },
            "development": {
                "name": _p("Sviluppo su preventivo", "Development on quote"),
                "price": 50.0,
            },
            "urgency_fee": {
                "name": _p("Urgenza non giustificata", "Unjustified urgency"),
                "price": 40.0,
            },
        },
        "plans": [
            {
                "code": "ASSIST",
                "name": _p("Assistenza tecnica annuale", "Annual technical assistance"),
                "products": ["assistance"],
                "urgency_fee_product": "urgency_fee",
                "calendar": "afternoon",
                "urgent_calendar": False,
                "channels": ["email", "portal", "remote"],
                "take_in_charge_hours": 4.0,
                "urgent_take_in_charge_hours": 4.0,
                "auto_close_days": 0,
                "auto_close_warning_days": 0,
                "includes_extraordinary": False,
                "duration_days": 365,
                "refund_window_hours": 0,
                "renewal_reminder_days": 30,
                "urgency_terms": _p(
                    "Scrivete URGENTE nell'oggetto solo per anomalie che bloccano il "
                    "sito: fuori orario non possiamo garantire le stesse prestazioni, "
                    "e le urgenze non giustificate gestite con priorità sono fatturate"
                    " a parte.",
                    "Write URGENTE in the subject only for faults that stop the "
                    "website: out of hours the same service cannot be guaranteed, and "
                    "unjustified urgencies handled with priority are billed "
                    "separately.",
                ),
                "terms": _p(
                    "<p>Le richieste si inviano via email o dalla sezione contatti "
                    "del sito; non si accettano richieste telefoniche. Il servizio "
                    "è erogato dal lunedì al venerdì dalle 15:00 alle 18:00 e ogni "
                    "richiesta è presa in carico entro 4 ore lavorative; la presa "
                    "in carico è comunicata via email con la data prevista di "
                    "risoluzione.</p><p>Per le urgenze scrivere URGENTE "
                    "nell'oggetto dell'email. Le urgenze non giustificate, gestite "
                    "comunque con priorità, sono fatturate a parte.</p>",
                    "<p>Requests are sent by email or through the website's contact "
                    "form; phone requests are not accepted. The service runs Monday "
                    "to Friday from 15:00 to 18:00 and every request is taken in "
                    "charge within 4 working hours; the take in charge is "
                    "confirmed by email with the expected resolution date.</p>"
                    "<p>For urgent requests write URGENTE in the email subject. "
                    "Unjustified urgencies, handled with priority anyway, are "
                    "billed separately.</p>",
                ),
            },
        ],
    },
    # seed 002: WordPress maintenance plans, Mon-Sat 9:30-19:30, Sunday urgencies
    "wp_maintenance": {
        # "il ticket di assistenza viene chiuso automaticamente entro 7 giorni,
        # se non riceviamo risposta dal cliente": every ticket, plan or not
        "company": {"support_auto_close_without_plan": True},
        "team": _p("Assistenza WordPress", "WordPress support"),
        "calendars": ["mon_sat", "always"],
        "products": {
            "basic": {
                "name": _p("Piano di manutenzione BASIC", "BASIC maintenance plan"),
                "price": 290.0,
            },
            "premium": {
                "name": _p("Piano di manutenzione PREMIUM", "PREMIUM maintenance plan"),
                "price": 590.0,
            },
            "one_shot": {
                "name": _p(
                    "Intervento tecnico one-shot", "One-shot technical intervention"
                ),
                "price": 0.0,
            },
        },
        "plans": [
            {
                "code": "PREMIUM",
                "sequence": 5,
                "name": _p("Manutenzione PREMIUM", "PREMIUM maintenance"),
                "products": ["premium"],
                "calendar": "mon_sat",
                "urgent_calendar": "always",
                "channels": ["email", "chat", "phone"],
                "take_in_charge_hours": 4.0,
                "urgent_take_in_charge_hours": 2.0,
                "auto_close_days": 7,
                "auto_close_warning_days": 2,
                "includes_extraordinary": False,
                "duration_days": 365,
                "refund_window_hours": 24,
                "renewal_reminder_days": 30,
                "urgency_terms": _p(
                    "Per urgenze e problemi gravi rispondiamo h24, anche la domenica.",
                    "For urgent and serious problems we answer round the clock, "
                    "Sundays included.",
                ),
                "terms": _p(
                    "<p>Assistenza da remoto via email, chat e, solo per il piano "
                    "PREMIUM, telefono; dal lunedì al sabato 9:30-19:30, festività "
                    "escluse, e h24 anche la domenica per urgenze e problemi "
                    "gravi.</p><p>Il ticket viene chiuso automaticamente dopo 7 "
                    "giorni senza risposta del cliente. Il piano dura 365 giorni "
                    "dall'acquisto, è rimborsabile solo entro 24 ore e va rinnovato "
                    "ogni anno: vi contatteremo un mese prima della scadenza.</p>",
                    "<p>Remote support by email, chat and, for the PREMIUM plan "
                    "only, phone; Monday to Saturday 9:30-19:30, holidays "
                    "excluded, and round the clock on Sundays too for urgent and "
                    "serious problems.</p><p>A ticket closes automatically after 7 "
                    "days without an answer from the customer. The plan lasts 365 "
                    "days from purchase, is refundable within 24 hours only and "
                    "renews yearly: we will contact you a month before it "
                    "expires.</p>",
                ),
            },
            {
                "code": "BASIC",
                "sequence": 10,
                "name": _p("Manutenzione BASIC", "BASIC maintenance"),
                "products": ["basic"],
                "calendar": "mon_sat",
                "urgent_calendar": "always",
                "channels": ["email", "chat"],
                "take_in_charge_hours": 8.0,
                "urgent_take_in_charge_hours": 4.0,
                "auto_close_days": 7,
                "auto_close_warning_days": 2,
                "includes_extraordinary": False,
                "duration_days": 365,
                "refund_window_hours": 24,
                "renewal_reminder_days": 30,
                "urgency_terms": _p(
                    "Per urgenze e problemi gravi rispondiamo h24, anche la domenica.",
                    "For urgent and serious problems we answer round the clock, "
                    "Sundays included.",
                ),
                "terms": _p(
                    "<p>Assistenza da remoto via email e chat (nessuna assistenza "
                    "telefonica); dal lunedì al sabato 9:30-19:30, festività "
                    "escluse, e h24 anche la domenica per urgenze e problemi "
                    "gravi.</p><p>Il ticket viene chiuso automaticamente dopo 7 "
                    "giorni senza risposta del cliente. Il piano dura 365 giorni "
                    "dall'acquisto, è rimborsabile solo entro 24 ore e va rinnovato "
                    "ogni anno: vi contatteremo un mese prima della scadenza.</p>",
                    "<p>Remote support by email and chat (no phone support); Monday "
                    "to Saturday 9:30-19:30, holidays excluded, and round the clock "
                    "on Sundays too for urgent and serious problems.</p><p>A ticket "
                    "closes automatically after 7 days without an answer from the "
                    "customer. The plan lasts 365 days from purchase, is refundable "
                    "within 24 hours only and renews yearly: we will contact you a "
                    "month before it expires.</p>",
                ),
            },
        ],
    },
    # seed 003: tickets only, answer within 7 days, extras paid by credit packs
    "hosting_credits": {
        # "il Ticket viene chiuso automaticamente trascorsi 7 giorni se non
        # riceviamo risposta dal Cliente": every ticket, plan or not
        "company": {"support_auto_close_without_plan": True},
        "team": _p("Supporto hosting", "Hosting support"),
        "calendars": ["office"],
        "products": {
            "hosting": {
                "name": _p("Hosting standard", "Standard hosting"),
                "price": 99.0,
            },
            "hosting_dev": {
                "name": _p(
                    "Hosting con sviluppo sito", "Hosting with website development"
                ),
                "price": 199.0,
            },
            "hyper": {"name": _p("Piano Hyper", "Hyper plan"), "price": 790.0},
            "credits": {
                "name": _p("Pacchetto crediti WPCRED", "WPCRED credit pack"),
                "price": 100.0,
                "credit_pack": {"credits": 10, "validity_days": 365},
            },
        },
        "plans": [
            {
                "code": "HYPER",
                "sequence": 5,
                "name": _p("Piano Hyper", "Hyper plan"),
                "products": ["hyper"],
                "calendar": "office",
                "urgent_calendar": False,
                "channels": ["portal"],
                "take_in_charge_hours": 16.0,
                "urgent_take_in_charge_hours": 8.0,
                "auto_close_days": 7,
                "auto_close_warning_days": 2,
                "includes_extraordinary": True,
                "duration_days": 365,
                "refund_window_hours": 0,
                "renewal_reminder_days": 30,
                "urgency_terms": _p(
                    "Le richieste urgenti sono gestite per prime nei giorni "
                    "lavorativi.",
                    "Urgent requests are handled first on working days.",
                ),
                "terms": _p(
                    "<p>Manutenzione ordinaria e straordinaria del sito, messa in "
                    "sicurezza, aggiornamenti di script, temi e plugin. Assistenza "
                    "solo tramite ticket, dal lunedì al venerdì, festività "
                    "escluse.</p><p>Il ticket viene chiuso automaticamente dopo 7 "
                    "giorni senza risposta. Piano e crediti durano 365 giorni e non "
                    "sono rimborsabili.</p>",
                    "<p>Ordinary and extraordinary website maintenance, hardening, "
                    "updates of scripts, themes and plugins. Support through "
                    "tickets only, Monday to Friday, holidays excluded.</p><p>A "
                    "ticket closes automatically after 7 days without an answer. "
                    "Plan and credits last 365 days and are not refundable.</p>",
                ),
            },
            {
                "code": "HOSTDEV",
                "sequence": 10,
                "name": _p("Hosting con sviluppo", "Hosting with development"),
                "products": ["hosting_dev"],
                "calendar": "office",
                "urgent_calendar": False,
                "channels": ["portal"],
                "take_in_charge_hours": 40.0,
                "urgent_take_in_charge_hours": 8.0,
                "auto_close_days": 7,
                "auto_close_warning_days": 2,
                "includes_extraordinary": False,
                "duration_days": 365,
                "refund_window_hours": 0,
                "renewal_reminder_days": 30,
                "urgency_terms": _p(
                    "Le richieste urgenti sono gestite per prime nei giorni "
                    "lavorativi; gli interventi extra si pagano con i crediti WPCRED.",
                    "Urgent requests are handled first on working days; extra work is "
                    "paid with WPCRED credits.",
                ),
                "terms": _p(
                    "<p>Hosting, database, server di posta e webmail sempre attivi; "
                    "aggiornamenti degli script installati e dei plugin (ove "
                    "possibile) e assistenza sulle funzioni standard degli script "
                    "open source installati. Risposta entro 7 giorni, solo tramite "
                    "ticket. Le richieste extra si pagano con i crediti "
                    "WPCRED.</p>",
                    "<p>Hosting, databases, mail server and webmail always up; "
                    "updates of the installed scripts and plugins (where possible) "
                    "and help on the standard features of the installed open source "
                    "scripts. Answer within 7 days, through tickets only. Extra "
                    "requests are paid with WPCRED credits.</p>",
                ),
            },
            {
                "code": "HOSTING",
                "sequence": 20,
                "name": _p("Hosting standard", "Standard hosting"),
                "products": ["hosting"],
                "calendar": "office",
                "urgent_calendar": False,
                "channels": ["portal"],
                "take_in_charge_hours": 40.0,
                "urgent_take_in_charge_hours": 8.0,
                "auto_close_days": 7,
                "auto_close_warning_days": 2,
                "includes_extraordinary": False,
                "duration_days": 365,
                "refund_window_hours": 0,
                "renewal_reminder_days": 30,
                "urgency_terms": _p(
                    "Le richieste urgenti sono gestite per prime nei giorni "
                    "lavorativi; gli interventi extra si pagano con i crediti WPCRED.",
                    "Urgent requests are handled first on working days; extra work is "
                    "paid with WPCRED credits.",
                ),
                "terms": _p(
                    "<p>Hosting, file system e web server sempre attivi, database "
                    "funzionanti, server di posta e webmail operativi. Risposta "
                    "entro 7 giorni, solo tramite ticket. Informazioni sui pannelli, "
                    "verifiche dello stato dei sistemi e controlli su attività del "
                    "cliente non sono coperti: si pagano con i crediti WPCRED.</p>",
                    "<p>Hosting, file system and web server always up, databases "
                    "running, mail server and webmail working. Answer within 7 "
                    "days, through tickets only. Questions on control panels, "
                    "system status checks and checks of the customer's own "
                    "actions are not covered: they are paid with WPCRED "
                    "credits.</p>",
                ),
            },
        ],
    },
    # seed 004: hosting provider, first answer within 10 minutes, by impact
    "hosting_priority": {
        "team": _p("Supporto clienti", "Customer support"),
        "calendars": ["office"],
        "products": {
            "hosting": {
                "name": _p("Hosting gestito", "Managed hosting"),
                "price": 150.0,
            },
            "server": {
                "name": _p("Server dedicato", "Dedicated server"),
                "price": 900.0,
            },
            "repair": {
                "name": _p(
                    "Riparazione per colpa del cliente", "Repair due to the customer"
                ),
                "price": 80.0,
            },
        },
        "plans": [
            {
                "code": "CUSTOMER",
                "name": _p("Supporto clienti hosting", "Hosting customer support"),
                "products": ["hosting", "server"],
                "calendar": "office",
                "urgent_calendar": False,
                "channels": ["portal", "email", "phone"],
                "take_in_charge_hours": 10.0 / 60.0,
                "urgent_take_in_charge_hours": 10.0 / 60.0,
                "auto_close_days": 0,
                "auto_close_warning_days": 0,
                "includes_extraordinary": False,
                "duration_days": 365,
                "refund_window_hours": 0,
                "renewal_reminder_days": 30,
                "urgency_terms": _p(
                    "Hanno la priorità le richieste che rendono il servizio del tutto "
                    "inutilizzabile.",
                    "Requests that make the service wholly unusable come first.",
                ),
                "terms": _p(
                    "<p>Apri un ticket dall'area clienti, scrivi al supporto o "
                    "chiamaci: rispondiamo entro 10 minuti, con priorità alle "
                    "richieste che rendono il servizio del tutto inutilizzabile. "
                    "Un ticket per problema.</p><p>Non è coperto il codice "
                    "realizzato dal cliente né il software che non supportiamo, né "
                    "l'uso non conforme o negligente dei servizi: le riparazioni "
                    "dovute a colpa del cliente sono addebitate.</p>",
                    "<p>Open a ticket in the customer area, write to support or "
                    "call us: we answer within 10 minutes, first the requests that "
                    "make the service wholly unusable. One ticket per problem.</p>"
                    "<p>The customer's own code, software we do not support and "
                    "improper or negligent use of the services are not covered: "
                    "repairs due to the customer's fault are charged.</p>",
                ),
            },
        ],
    },
}


# -- coverage of each request kind, per plan (plan code), from the seeds ------


def _included():
    return {"coverage": "included"}


def _credits(credit_count, note):
    return {
        "coverage": "extra",
        "billing_mode": "credits",
        "credits": credit_count,
        "note": note,
    }


def _quote(product, note):
    return {
        "coverage": "extra",
        "billing_mode": "quote",
        "product": product,
        "note": note,
    }


def _fee(product, note):
    return {
        "coverage": "extra",
        "billing_mode": "fixed_fee",
        "product": product,
        "note": note,
    }


def _excluded(note, quote_product=None):
    rule = {"coverage": "excluded", "note": note}
    if quote_product:
        rule.update(billing_mode="quote", product=quote_product)
    return rule


_NOTE_QUOTE_INTERVENTION = _p(
    "Intervento tecnico a pagamento: prezzo e condizioni nel preventivo, da "
    "accettare prima dell'intervento.",
    "Paid technical intervention: price and conditions in the quote, to be "
    "accepted before the work starts.",
)
_NOTE_CREDITS = _p(
    "Richiesta extra: si paga con i crediti di assistenza prepagati (WPCRED).",
    "Extra request: paid with prepaid support credits (WPCRED).",
)
_NOTE_CUSTOMER_ERROR = _p(
    "Gli interventi per verificare o correggere attività errate svolte dal "
    "cliente non sono coperti dal piano; possiamo farli a pagamento su "
    "preventivo.",
    "Work to check or fix wrong actions taken by the customer is not covered "
    "by the plan; we can do it as paid work on a quote.",
)
_NOTE_OWN_CODE = _p(
    "Il codice realizzato dal cliente non è coperto: possiamo indicarvi gli "
    "errori e come leggere i log del web server.",
    "The customer's own code is not covered: we can point you to the errors "
    "and show you how to read the web server logs.",
)
_NOTE_UNSUPPORTED = _p(
    "Il software che non supportiamo non è coperto: possiamo indicarvi gli "
    "errori e come leggere i log del web server.",
    "Software we do not support is not covered: we can point you to the "
    "errors and show you how to read the web server logs.",
)
_NOTE_CUSTOMER_FAULT = _p(
    "Le riparazioni dovute a colpa del cliente (uso non conforme o negligente, "
    "password divulgate, dati distrutti) sono addebitate.",
    "Repairs due to the customer's fault (improper or negligent use, "
    "disclosed passwords, destroyed data) are charged.",
)

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

_HOSTING_CREDITS = dict(
    {key: _credits(n, _NOTE_CREDITS) for key, n in _CREDIT_EXTRAS.items()},
    outage=_included(),
    technical_support=_included(),
)

_WP_MAINTENANCE = {
    "outage": _included(),
    "technical_support": _included(),
    "script_updates": _included(),
    "backup_restore": _included(),
    "paid_intervention": _quote("one_shot", _NOTE_QUOTE_INTERVENTION),
    "customer_config_error": _excluded(_NOTE_CUSTOMER_ERROR, "one_shot"),
    "misuse": _excluded(_NOTE_CUSTOMER_ERROR, "one_shot"),
}

# {template: {plan code: {category key: rule}}}
COVERAGE_RULES = {
    # seed 000: the help desk handles six kinds; paid interventions by quote
    "hosting_gold": {
        "GOLD": {
            "outage": _included(),
            "technical_support": _included(),
            "administrative": _included(),
            "backup_restore": _included(),
            "service_upgrade": _quote(
                "intervention",
                _p(
                    "L'upgrade dei servizi è offerto con un preventivo.",
                    "Service upgrades are offered with a quote.",
                ),
            ),
            "paid_intervention": _quote("intervention", _NOTE_QUOTE_INTERVENTION),
        },
    },
    # seed 001: updates, bugs, mailboxes, hosting, backup and restore covered
    "web_assistance": {
        "ASSIST": {
            "outage": _included(),
            "technical_support": _included(),
            "mailbox_change": _included(),
            "backup_restore": _included(),
            "backup_recovery": _included(),
            "script_updates": _included(),
            "new_feature": _quote(
                "development",
                _p(
                    "Le nuove funzionalità non rientrano nella manutenzione: "
                    "ricevete un preventivo da accettare.",
                    "New features are not maintenance: you receive a quote to "
                    "accept.",
                ),
            ),
            "template_change": _quote(
                "development",
                _p(
                    "Le modifiche grafiche sono lavori su preventivo.",
                    "Interface changes are work on a quote.",
                ),
            ),
        },
    },
    # seed 002: customer's wrong actions not covered; one-shot work on a quote
    "wp_maintenance": {"PREMIUM": _WP_MAINTENANCE, "BASIC": _WP_MAINTENANCE},
    # seed 003: the listed extras are paid with WPCRED credits; Hyper covers
    # extraordinary work too
    "hosting_credits": {
        "HYPER": {key: _included() for key in ("outage", "technical_support")}
        | {key: _included() for key in _CREDIT_EXTRAS},
        "HOSTDEV": dict(_HOSTING_CREDITS, script_updates=_included()),
        "HOSTING": _HOSTING_CREDITS,
    },
    # seed 004: own code and unsupported software not covered, repairs due to
    # the customer charged
    "hosting_priority": {
        "CUSTOMER": {
            "outage": _included(),
            "technical_support": _included(),
            "own_code": _excluded(_NOTE_OWN_CODE),
            "unsupported_software": _excluded(_NOTE_UNSUPPORTED),
            "misuse": _fee("repair", _NOTE_CUSTOMER_FAULT),
            "customer_config_error": _fee("repair", _NOTE_CUSTOMER_FAULT),
        },
    },
}
# Seed 000: hosting, domains and PEC boxes renew yearly from their
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


def product_service_terms(key, plan_keys, notice_days=60):
    """service_kind, renewal_policy and notice days of a template's product."""
    kind, policy = SERVICE_KIND_BY_KEY.get(
        key, ("support_plan", "anniversary") if key in plan_keys else ("other", False)
    )
    return {"service_kind": kind, "renewal_policy": policy, "notice_days": notice_days}


def notice_judged_on(template):
    """Which day a cancellation notice is judged on under ``template``.

    "sent" when its terms say the notice must be sent by the last day to
    cancel; otherwise "received": a notice takes effect when it reaches the
    provider (art. 1335 c.c.).
    """
    return TEMPLATES[template].get("notice_judged_on", "received")
