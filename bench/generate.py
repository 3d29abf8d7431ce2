"""Fill a database with a realistic support workload, through the ORM.

Customers (companies with a contact), yearly contracts whose lines are in
progress, ended, upcoming or canceled, posted customer invoices (most paid,
some overdue) and tickets in every helpdesk stage with their e-mails, replies
and internal notes, spread over the last year.

Everything goes through ``create()`` in batches, with tracking and chatter
logging disabled and one commit per batch, so that 100,000 tickets take
minutes. Dates the ORM does not let one write (``create_date``) are set with
one UPDATE per batch. Data is relative to the day the script runs and, for
a given day, fully determined by ``--seed``.

    python3 bench/generate.py --db st_bench --tickets 10000 --create-db
"""

import argparse
import bisect
import itertools
import random
import sys
import time
from collections import defaultdict
from datetime import timedelta

import common
from common import add_db_arguments, configure_odoo, environment
from dateutil.relativedelta import relativedelta

from odoo import fields

TEMPLATE = "hosting_credits"
AGENTS = 6
# Context of every create: no tracking values, no "created" log message, no
# creator subscription; they would triple the work and are not what is measured.
QUIET = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
    "mail_auto_subscribe_no_notify": True,
}
# Share of tickets per stage of helpdesk_mgmt; other stages get OTHER_STAGE.
STAGE_WEIGHTS = {
    "helpdesk_mgmt.helpdesk_ticket_stage_new": 10,
    "helpdesk_mgmt.helpdesk_ticket_stage_in_progress": 15,
    "helpdesk_mgmt.helpdesk_ticket_stage_awaiting": 12,
    "helpdesk_mgmt.helpdesk_ticket_stage_done": 50,
    "helpdesk_mgmt.helpdesk_ticket_stage_cancelled": 7,
    "helpdesk_mgmt.helpdesk_ticket_stage_rejected": 6,
}
OTHER_STAGE = 5
# What became of each contract, with weights: renewed once (last year's line
# ended, this year's in progress), new this year, churned (ended, not renewed),
# starting soon, canceled.
HISTORIES = [
    ("renewed", 45),
    ("new", 20),
    ("churned", 12),
    ("upcoming", 8),
    ("canceled", 7),
]
# Share of this year's lines whose invoice is not issued yet: the invoicing
# cron's work.
DUE_SHARE = 0.1
# Plan-granting products and how often a contract carries each.
MAIN_PRODUCTS = [("hosting", 50), ("hosting_dev", 30), ("hyper", 20)]
CREDITS_SHARE = 0.3
WITHOUT_CONTRACT = 0.1
PAYMENT_DAYS = 30
LATE_PAYER_SHARE = 0.08  # of invoices already due: left unpaid, i.e. overdue

FIRST_NAMES = "Marco Giulia Luca Sara Paolo Anna Andrea Elena Davide Chiara".split()
LAST_NAMES = "Rossi Bianchi Ferrari Russo Romano Colombo Ricci Marino Greco".split()
COMPANY_WORDS = "Web Digital Studio Lab Net Media Design Soft Cloud Data".split()
COMPANY_FORMS = ["S.r.l.", "S.p.A.", "S.n.c.", "Ltd", "& C."]
SUBJECTS = [
    "Site down",
    "Cannot send e-mail",
    "Certificate expired",
    "Plugin update broke the theme",
    "Slow pages",
    "New mailbox",
    "Backup restore",
    "DNS change",
    "Invoice question",
    "Renewal",
]


def weighted(rng, choices):
    """A picker over ``[(value, weight)]`` using ``rng`` (fast in loops)."""
    values = [value for value, _weight in choices]
    cumulative = list(itertools.accumulate(weight for _value, weight in choices))
    total = cumulative[-1]
    return lambda: values[bisect.bisect(cumulative, rng.random() * total)]


def batched(items, size):
    for start in range(0, len(items), size):
        yield items[start : start + size]


class Generator:
    def __init__(self, env, args):
        self.env = env(context=dict(env.context, **QUIET))
        self.args = args
        self.rng = random.Random(args.seed)
        self.today = fields.Date.context_today(self.env.user)
        self.now = fields.Datetime.now()  # UTC, as stored
        self.company = self.env.company
        self.timings = {}

    # -- helpers ---------------------------------------------------------

    def commit(self):
        """Commit a batch and drop the ORM cache, so memory stays flat."""
        self.env.cr.commit()
        self.env.invalidate_all()

    def record(self, kind, count, start):
        elapsed = time.perf_counter() - start
        self.timings[kind] = (count, elapsed)
        print(f"{kind}: {count} in {elapsed:.1f} s", flush=True)

    def progress(self, kind, done, total, start):
        rate = done / max(time.perf_counter() - start, 1e-9)
        print(f"  {kind}: {done}/{total} ({rate:.0f}/s)", flush=True)

    def create_batches(self, model, vals_list, kind):
        """Create ``vals_list`` in batches; returns the ids in the same order."""
        ids = []
        start = time.perf_counter()
        for chunk in batched(vals_list, self.args.batch):
            ids += self.env[model].create(chunk).ids
            self.commit()
            self.progress(kind, len(ids), len(vals_list), start)
        return ids

    # -- setup -----------------------------------------------------------

    def setup(self):
        """Chart of accounts, Italian, the terms template, agents."""
        env = self.env
        if not self.company.chart_template:
            env["account.chart.template"].try_loading(
                "generic_coa", self.company, install_demo=False
            )
        env["res.lang"]._activate_lang("it_IT")
        plans = env["support.terms.template.apply"]._apply_template(
            TEMPLATE, self.company
        )
        # the template's products, by the key of their xml ids
        prefix = f"terms_{self.company.id}_{TEMPLATE}_product_"
        self.products = {
            data.name.removeprefix(prefix): env["product.product"].browse(data.res_id)
            for data in env["ir.model.data"].search(
                [
                    ("module", "=", "__support_terms_template__"),
                    ("name", "=like", f"{prefix}%"),
                ]
            )
        }
        # product id -> [(sequence, plan id)], to give each ticket the plan in
        # force on its (back-dated) arrival with the addon's own rule.
        self.granting = defaultdict(list)
        for plan in plans:
            for product in plan.product_ids:
                self.granting[product.id].append((plan.sequence, plan.id))
        self.team = env.ref(
            f"__support_terms_template__.terms_{self.company.id}_{TEMPLATE}_team"
        )
        self.channels = env["helpdesk.ticket.channel"].search(
            [("company_id", "in", [self.company.id, False])]
        )
        # the channels each plan receives requests on (a plan refuses the
        # others); a request arriving without a plan comes on one every plan
        # receives, as the plan the addon looks up today may be any
        self.plan_channels = {
            plan.id: self.channels.filtered(plan._support_allows_channel)
            for plan in plans
        }
        self.plan_channels[None] = self.channels.filtered(
            lambda channel: all(plan._support_allows_channel(channel) for plan in plans)
        )
        self.agents = self.ensure_agents()
        self.team.user_ids |= self.agents
        self.stages = self.team._get_applicable_stages()
        self.commit()

    def ensure_agents(self):
        users = self.env["res.users"].with_context(no_reset_password=True)
        agents = users.search([("login", "=like", "bench_agent_%")])
        group = self.env.ref("helpdesk_mgmt.group_helpdesk_user")
        for n in range(len(agents), AGENTS):
            agents |= users.create(
                {
                    "name": f"{FIRST_NAMES[n]} {LAST_NAMES[n]} (support)",
                    "login": f"bench_agent_{n}",
                    "email": f"agent{n}@support.example.com",
                    "groups_id": [(4, group.id)],
                    "company_id": self.company.id,
                    "company_ids": [(6, 0, self.company.ids)],
                }
            )
        return agents

    # -- customers -------------------------------------------------------

    def make_customers(self):
        rng = self.rng
        countries = self.env["res.country"].search([("code", "in", ["IT", "GB"])])
        country = {c.code: c.id for c in countries}
        companies, contacts = [], []
        for n in range(self.args.customers):
            italian = rng.random() < 0.7
            name = (
                f"{rng.choice(COMPANY_WORDS)} {rng.choice(LAST_NAMES)} "
                f"{n} {rng.choice(COMPANY_FORMS)}"
            )
            domain = f"customer{n}.example.com"
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            lang = "it_IT" if italian else "en_US"
            companies.append(
                {
                    "name": name,
                    "is_company": True,
                    "email": f"info@{domain}",
                    "lang": lang,
                    "country_id": country["IT" if italian else "GB"],
                    "customer_rank": 1,
                }
            )
            contacts.append(
                {
                    "name": f"{first} {last}",
                    "email": f"{first.lower()}.{last.lower()}@{domain}",
                    "lang": lang,
                    "type": "contact",
                }
            )
        self.customer_ids, self.contact_ids = [], []
        Partner = self.env["res.partner"]
        begin = time.perf_counter()
        for chunk in batched(range(len(companies)), self.args.batch):
            customers = Partner.create([companies[n] for n in chunk])
            # Contacts copy their company's commercial fields one by one:
            # reading them for the whole batch first halves the time.
            for field_name in customers._commercial_fields():
                customers.mapped(field_name)
            for n, customer in zip(chunk, customers, strict=True):
                contacts[n]["parent_id"] = customer.id
            self.customer_ids += customers.ids
            self.contact_ids += Partner.create([contacts[n] for n in chunk]).ids
            self.commit()
            self.progress("customers", len(self.customer_ids), len(companies), begin)
        self.contacts = {
            contact_id: (vals["name"], vals["email"])
            for contact_id, vals in zip(self.contact_ids, contacts, strict=True)
        }
        return len(companies) + len(contacts)

    # -- contracts -------------------------------------------------------

    def line_values(self, product, start, invoiced, renew=False, canceled=False):
        """A yearly pre-paid contract line, invoiced for its year or not."""
        end = start + relativedelta(years=1, days=-1)
        vals = {
            "product_id": product.id,
            "name": product.name,
            "quantity": 1,
            "price_unit": product.list_price,
            "recurring_rule_type": "yearly",
            "recurring_interval": 1,
            "recurring_invoicing_type": "pre-paid",
            "date_start": start,
            "date_end": end,
            "is_auto_renew": renew,
            "auto_renew_interval": 1,
            "auto_renew_rule_type": "yearly",
            "termination_notice_interval": 1,
            "termination_notice_rule_type": "monthly",
            "is_canceled": canceled,
        }
        if invoiced:
            vals["last_date_invoiced"] = end
        return vals

    def contract_lines(self, product, history):
        rng, today = self.rng, self.today
        if history == "upcoming":
            start = today + timedelta(days=rng.randrange(1, 60))
            return [self.line_values(product, start, invoiced=False)]
        if history == "churned":
            start = today - timedelta(days=rng.randrange(366, 730))
            return [self.line_values(product, start, invoiced=True)]
        start = today - timedelta(days=rng.randrange(365))
        if history == "canceled":
            return [self.line_values(product, start, invoiced=False, canceled=True)]
        invoiced = rng.random() >= DUE_SHARE
        lines = [self.line_values(product, start, invoiced, renew=True)]
        if rng.random() < CREDITS_SHARE:
            credits = self.products["credits"]
            lines.append(self.line_values(credits, start, invoiced, renew=True))
        if history == "renewed":
            previous = start - relativedelta(years=1)
            lines.insert(0, self.line_values(product, previous, invoiced=True))
        return lines

    def make_contracts(self):
        rng = self.rng
        main_product = weighted(rng, MAIN_PRODUCTS)
        history = weighted(rng, HISTORIES)
        contracts = []
        for n, partner_id in enumerate(self.customer_ids):
            if rng.random() < WITHOUT_CONTRACT:
                continue
            lines = self.contract_lines(self.products[main_product()], history())
            start = min(line["date_start"] for line in lines)
            contracts.append(
                {
                    "name": f"Hosting {n}",
                    "code": f"BENCH-{n:06d}",
                    "partner_id": partner_id,
                    "company_id": self.company.id,
                    "contract_type": "sale",
                    "line_recurrence": True,
                    "date": start,
                    "date_start": start,
                    "contract_line_ids": [(0, 0, line) for line in lines],
                }
            )
        # Lines per customer, to give tickets the plan in force on arrival.
        self.customer_lines = defaultdict(list)
        for contract in contracts:
            for _c, _i, line in contract["contract_line_ids"]:
                if not line["is_canceled"]:
                    self.customer_lines[contract["partner_id"]].append(line)
        self.create_batches("contract.contract", contracts, "contracts")
        return len(contracts)

    # -- invoices --------------------------------------------------------

    def make_invoices(self):
        """The invoice of each invoiced year of the contracts, posted.

        Lines of a contract starting the same day share an invoice, as the
        contract's invoicing would do. Invoices are numbered here, in date
        order, as Odoo would: left to Odoo, each number looks the journal's
        last one up with a query scanning the whole year, which slows posting
        down to a crawl as the year fills up.
        """
        lines = self.env["contract.line"].search_fetch(
            [
                ("last_date_invoiced", "!=", False),
                ("contract_id.code", "=like", "BENCH-%"),
            ],
            ["contract_id", "name", "product_id", "price_unit", "date_start"],
            order="date_start, contract_id, id",
        )
        journal = self.env["account.journal"].search(
            [("type", "=", "sale"), ("company_id", "=", self.company.id)], limit=1
        )
        vals_list, paid_on_list = [], []
        numbers = {}
        for (contract, invoice_date), group in itertools.groupby(
            lines, key=lambda line: (line.contract_id, line.date_start)
        ):
            prefix = f"{journal.code}/{invoice_date.year}/"
            if prefix not in numbers:
                numbers[prefix] = self.last_number(journal, prefix)
            numbers[prefix] += 1
            due = invoice_date + timedelta(days=PAYMENT_DAYS)
            vals_list.append(
                {
                    "name": f"{prefix}{numbers[prefix]:05d}",
                    "move_type": "out_invoice",
                    "partner_id": contract.partner_id.id,
                    "journal_id": journal.id,
                    "invoice_date": invoice_date,
                    "invoice_date_due": due,
                    "invoice_origin": contract.code,
                    "invoice_line_ids": [
                        (
                            0,
                            0,
                            {
                                "product_id": line.product_id.id,
                                "name": line.name,
                                "quantity": 1,
                                "price_unit": line.price_unit,
                                "contract_line_id": line.id,
                            },
                        )
                        for line in group
                    ],
                }
            )
            paid_on_list.append(self.payment_date(invoice_date, due))
        self.commit()
        move_ids = []
        start = time.perf_counter()
        for chunk in batched(vals_list, self.args.batch):
            moves = self.env["account.move"].create(chunk)
            moves.action_post()
            move_ids += moves.ids
            self.commit()
            self.progress("invoices", len(move_ids), len(vals_list), start)
        self.to_pay = defaultdict(list)
        for move_id, paid_on in zip(move_ids, paid_on_list, strict=True):
            if paid_on:
                self.to_pay[paid_on].append(move_id)
        return len(move_ids)

    def last_number(self, journal, prefix):
        [(last,)] = self.env["account.move"]._read_group(
            [("journal_id", "=", journal.id), ("sequence_prefix", "=", prefix)],
            aggregates=["sequence_number:max"],
        )
        return last or 0

    def payment_date(self, invoice_date, due):
        """When the customer pays, or None: late payers leave it overdue."""
        rng = self.rng
        if due < self.today and rng.random() < LATE_PAYER_SHARE:
            return None
        paid_on = invoice_date + timedelta(days=rng.randrange(PAYMENT_DAYS + 10))
        # the bank statement of the week (Sunday) records it
        paid_on += timedelta(days=6 - paid_on.weekday())
        return paid_on if paid_on <= self.today else None

    def pay(self):
        """Record the payments: one bank entry a week, reconciled line by line.

        This is what reconciling weekly bank statements leaves behind (the
        invoices are paid); an account.payment per invoice costs 60 ms each.
        """
        journal = self.env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", self.company.id)], limit=1
        )
        start = time.perf_counter()
        total = sum(len(ids) for ids in self.to_pay.values())
        weeks, done = [], 0
        for paid_on in sorted(self.to_pay):
            weeks.append(paid_on)
            if sum(len(self.to_pay[week]) for week in weeks) >= self.args.batch:
                done += self.pay_weeks(journal, weeks)
                weeks = []
                self.progress("payments", done, total, start)
        if weeks:
            done += self.pay_weeks(journal, weeks)
        return done

    def pay_weeks(self, journal, weeks):
        Move = self.env["account.move"]
        receivables = {
            week: Move.browse(self.to_pay[week]).line_ids.filtered(
                lambda line: line.account_type == "asset_receivable"
            )
            for week in weeks
        }
        entries = Move.create(
            [
                {
                    "move_type": "entry",
                    "journal_id": journal.id,
                    "date": week,
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "name": f"Bank transfers {week}",
                                "account_id": journal.default_account_id.id,
                                "debit": sum(lines.mapped("amount_residual")),
                            },
                        ),
                        *(
                            (
                                0,
                                0,
                                {
                                    "name": line.move_id.name,
                                    "account_id": line.account_id.id,
                                    "partner_id": line.partner_id.id,
                                    "credit": line.amount_residual,
                                },
                            )
                            for line in lines
                        ),
                    ],
                }
                for week, lines in receivables.items()
            ]
        )
        entries.action_post()
        self.env["account.move.line"]._reconcile_plan(
            [
                receivable | payment
                for entry, lines in zip(entries, receivables.values(), strict=True)
                for receivable, payment in zip(
                    lines, entry.line_ids.sorted("id")[1:], strict=True
                )
            ]
        )
        self.commit()
        return sum(len(lines) for lines in receivables.values())

    # -- tickets ---------------------------------------------------------

    def plan_on(self, partner_id, day):
        """The plan in force for ``partner_id`` on ``day`` (the addon's rule)."""
        # the lowest (sequence, plan id), as support.plan._first_plan_id
        return min(
            (
                candidate
                for line in self.customer_lines.get(partner_id, ())
                if line["date_start"] <= day <= line["date_end"]
                for candidate in self.granting.get(line["product_id"], ())
            ),
            default=(None, None),
        )[1]

    def ticket_values(self, n, stage, pick_contact):
        rng = self.rng
        contact_index = pick_contact()
        contact_id = self.contact_ids[contact_index]
        name, email = self.contacts[contact_id]
        created = self.now - timedelta(seconds=rng.randrange(365 * 86400))
        updated = created + timedelta(
            seconds=rng.randrange(int((self.now - created).total_seconds()) + 1)
        )
        subject = rng.choice(SUBJECTS)
        plan_id = self.plan_on(self.customer_ids[contact_index], created.date())
        vals = {
            "name": f"{subject} #{n}",
            "description": f"<p>{subject}: please help, {name}.</p>",
            "partner_id": contact_id,
            "partner_name": name,
            "partner_email": email,
            "team_id": self.team.id,
            "stage_id": stage.id,
            "channel_id": rng.choice(self.plan_channels[plan_id] or self.channels).id,
            "priority": rng.choice("0001123"),
            "company_id": self.company.id,
            "last_stage_update": updated,
        }
        if stage.unattended:
            vals["user_id"] = False  # not the auto-assigned current user
        else:
            vals["user_id"] = rng.choice(self.agents).id
            vals["assigned_date"] = created + (updated - created) / 2
            # staff took it in charge when they moved it out of the new ones
            vals["taken_in_charge_date"] = vals["assigned_date"]
        if stage.closed:
            vals["closed_date"] = updated
        if plan_id:
            # otherwise the addon snapshots today's plan, reset below
            vals["support_plan_id"] = plan_id
        return vals, {"created": created, "plan_id": plan_id}

    def messages(self, ticket_id, vals, stage, created):
        """1-4 messages: the customer's e-mail, replies, maybe a note.

        Tickets awaiting the customer end with a staff reply, new ones have
        only the customer's e-mails.
        """
        rng = self.rng
        count = 1 if stage.unattended else rng.randint(2, 4)
        updated = vals["last_stage_update"]
        step = (updated - created) / count
        staff = vals.get("user_id") and self.agent_partners[vals["user_id"]]
        customer = (
            vals["partner_id"],
            f'"{vals["partner_name"]}" <{vals["partner_email"]}>',
        )
        result = []
        for k in range(count):
            from_customer = k % 2 == 0 or not staff
            if k == count - 1 and staff and stage.id == self.awaiting_id:
                from_customer = False
            note = not from_customer and k > 0 and rng.random() < 0.25
            author_id, email_from = customer if from_customer else staff
            result.append(
                {
                    "model": "helpdesk.ticket",
                    "res_id": ticket_id,
                    "record_name": vals["name"],
                    "message_type": "email" if from_customer else "comment",
                    "subtype_id": self.note_subtype if note else self.comment_subtype,
                    "author_id": author_id,
                    "email_from": email_from,
                    "reply_to": email_from,
                    "message_id": f"<bench.{ticket_id}.{k}@example.com>",
                    "date": created + step * k,
                    "body": (
                        f"<p>Internal: checked the logs of {vals['name']}.</p>"
                        if note
                        else f"<p>Message {k + 1} about {vals['name']}.</p>"
                    ),
                }
            )
        return result

    def followers(self, ticket_id, vals):
        """The customer follows its request, the assigned agent too."""
        yield {
            "res_model": "helpdesk.ticket",
            "res_id": ticket_id,
            "partner_id": vals["partner_id"],
            "subtype_ids": [(6, 0, self.customer_subtypes)],
        }
        if vals.get("user_id"):
            yield {
                "res_model": "helpdesk.ticket",
                "res_id": ticket_id,
                "partner_id": self.agent_partners[vals["user_id"]][0],
                "subtype_ids": [(6, 0, self.agent_subtypes)],
            }

    def make_tickets(self):
        rng = self.rng
        subtypes = self.env["mail.message.subtype"].default_subtypes("helpdesk.ticket")
        self.agent_subtypes, self.customer_subtypes = subtypes[0].ids, subtypes[2].ids
        self.awaiting_id = self.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_stage_awaiting"
        ).id
        self.comment_subtype = self.env.ref("mail.mt_comment").id
        self.note_subtype = self.env.ref("mail.mt_note").id
        self.agent_partners = {
            user.id: (user.partner_id.id, f'"{user.name}" <{user.email}>')
            for user in self.agents
        }
        xmlids = {
            stage.id: xmlid
            for stage in self.stages
            for xmlid in [stage.get_external_id()[stage.id]]
        }
        pick_stage = weighted(
            rng,
            [(s, STAGE_WEIGHTS.get(xmlids[s.id], OTHER_STAGE)) for s in self.stages],
        )
        # Some customers open many more tickets than others.
        customers = len(self.contact_ids)
        pick_contact = weighted(rng, [(i, 1 / (1 + i % 50)) for i in range(customers)])
        Ticket = self.env["helpdesk.ticket"]
        total, done, messages = self.args.tickets, 0, 0
        start = time.perf_counter()
        message_time = 0.0
        while done < total:
            size = min(self.args.batch, total - done)
            stages = [pick_stage() for _n in range(size)]
            pairs = [
                self.ticket_values(done + n, stage, pick_contact)
                for n, stage in enumerate(stages)
            ]
            tickets = Ticket.create([vals for vals, _extra in pairs])
            self.fix_ticket_rows(tickets.ids, [extra for _vals, extra in pairs])
            message_start = time.perf_counter()
            vals_list = [
                message
                for ticket_id, stage, (vals, extra) in zip(
                    tickets.ids, stages, pairs, strict=True
                )
                for message in self.messages(ticket_id, vals, stage, extra["created"])
            ]
            self.env["mail.message"].create(vals_list)
            message_time += time.perf_counter() - message_start
            self.env["mail.followers"].create(
                [
                    follower
                    for ticket_id, (vals, _extra) in zip(
                        tickets.ids, pairs, strict=True
                    )
                    for follower in self.followers(ticket_id, vals)
                ]
            )
            messages += len(vals_list)
            done += size
            self.commit()
            self.progress("tickets", done, total, start)
        self.message_timing = (messages, message_time)
        return done

    def fix_ticket_rows(self, ids, extras):
        """Back-date the tickets and set the plan in force on their arrival."""
        self.env.flush_all()
        self.env.cr.execute_values(
            """
            UPDATE helpdesk_ticket t
               SET create_date = v.created, support_plan_id = v.plan_id
              FROM (VALUES %s) AS v(id, created, plan_id)
             WHERE t.id = v.id
            """,
            [
                (ticket_id, extra["created"], extra["plan_id"])
                for ticket_id, extra in zip(ids, extras, strict=True)
            ],
            template="(%s, %s::timestamp, %s::integer)",
        )

    # -- all -------------------------------------------------------------

    def run(self):
        if self.env["contract.contract"].search_count([("code", "=like", "BENCH-%")]):
            sys.exit(f"{self.env.cr.dbname} already holds generated data")
        start = time.perf_counter()
        self.setup()
        self.record("setup", 1, start)
        for kind, step in (
            ("partners", self.make_customers),
            ("contracts", self.make_contracts),
            ("invoices", self.make_invoices),
            ("payments", self.pay),
            ("tickets", self.make_tickets),
        ):
            start = time.perf_counter()
            self.record(kind, step(), start)
        self.timings["  of which messages"] = self.message_timing


def create_database(args):
    """Create the database and install support_terms, as in CI."""
    print("creating", args.db, flush=True)
    common.create_database(args, args.db)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_db_arguments(parser)
    parser.add_argument("--tickets", type=int, required=True)
    parser.add_argument(
        "--customers", type=int, help="customer companies (default: tickets / 5)"
    )
    parser.add_argument("--create-db", action="store_true")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--batch", type=int, default=1000, help="records per create")
    args = parser.parse_args()
    args.customers = args.customers or max(1, args.tickets // 5)
    started = time.perf_counter()
    if args.create_db:
        create_database(args)
    configure_odoo(args)
    with environment(args.db) as env:
        generator = Generator(env, args)
        generator.run()
    width = max(len(kind) for kind in generator.timings)
    print(f"\n{'kind':<{width}}  {'records':>8}  {'seconds':>8}")
    for kind, (count, elapsed) in generator.timings.items():
        print(f"{kind:<{width}}  {count:>8}  {elapsed:>8.1f}")
    print(f"{'total':<{width}}  {'':>8}  {time.perf_counter() - started:>8.1f}")


if __name__ == "__main__":
    main()
