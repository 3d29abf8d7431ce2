"""An outage storm through the mail gateway, beside plain helpdesk_mgmt_sla.

When a server goes down, many customers email the support address within the
hour. This feeds ``--emails`` real RFC 822 messages through
``mail.thread.message_process`` as Odoo's incoming mail server does (one
message, one transaction, committed), to the team's alias, on two template
copies of a generated database (bench/generate.py):

- ``ours``: the generated database as it is (support_terms);
- ``baseline``: the same database with every module outside
  helpdesk_mgmt_sla's dependencies uninstalled (support_terms, contracts,
  sale, accounting...): the same team, alias, SLAs, stages, customers and
  tickets, with only helpdesk_mgmt + helpdesk_mgmt_sla acting on an email.

The emails, the same for both and made once from the data (``--seed``):

- ``new``: a new request from a customer's contact;
- ``urgent``: the same with "URGENTE: " in the subject;
- ``unknown``: a new request from an address no contact has;
- ``reply``: a customer's reply to a ticket awaiting the customer, with
  In-Reply-To and References of the ticket's last message.

Emails alternate between the two databases (ours' email i, then the
baseline's email i), so that other load on the machine hits both alike.
``--warm-up`` emails of each kind go first on both and are not counted: a
running server has its caches warm. Per email it measures the wall time, the
SQL queries (Odoo's cursor counts every query on the running thread, as
run.py does) and, with ``--tracemalloc``, in a second pass on fresh copies,
the peak of Python allocations (tracing slows everything 3 to 4 times, so
times come from the first pass only).

Outgoing emails (the notifications, acknowledgements, notices) are queued
for Odoo's mail queue rather than sent through SMTP at the commit
(``mail_notify_force_send`` off, in both databases): SMTP is not what is
measured, and the bench machine has no mail server.

    python3 bench/mail_storm.py --db st_bench_10k --emails 300

``--db`` is a generated database; it is not changed: the script works on
``<db>_storm_ours`` and ``<db>_storm_base`` templates (kept with
``--keep``, reused with ``--reuse``) and fresh copies of them per pass.
"""

import argparse
import email.utils
import json
import random
import resource
import statistics
import threading
import time
import tracemalloc
from datetime import datetime

from common import (
    add_db_arguments,
    configure_odoo,
    copy_database,
    drop_database,
    environment,
    release,
)

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry

ALIAS = "assistenza"
ALIAS_DOMAIN = "support.example.com"
KINDS = ("new", "urgent", "unknown", "reply")
# share of each kind among the emails
SHARES = {"new": 0.35, "urgent": 0.35, "unknown": 0.1, "reply": 0.2}
SUBJECTS = [
    "sito down",
    "il sito non risponde",
    "errore 503 sul sito",
    "la posta non arriva",
    "server irraggiungibile",
    "pannello non accessibile",
]
# the modules the baseline keeps: helpdesk_mgmt_sla and what it depends on
BASELINE_ROOT = "helpdesk_mgmt_sla"


def percentile(values, share):
    """The value below which ``share`` of ``values`` fall (nearest rank)."""
    ordered = sorted(values)
    if not ordered:
        return None
    index = min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))
    return ordered[index]


# -- the databases ----------------------------------------------------------


def prepare_ours(args, template):
    """The generated database with the team reachable by email."""
    copy_database(args, args.db, template)
    with environment(template) as env:
        company = env.ref("base.main_company")
        domain = env["mail.alias.domain"].search([("name", "=", ALIAS_DOMAIN)])
        if not domain:
            domain = env["mail.alias.domain"].create({"name": ALIAS_DOMAIN})
        company.alias_domain_id = domain
        team = env["helpdesk.ticket.team"].search(
            [("company_id", "=", company.id)], order="id", limit=1
        )
        team.write({"alias_name": ALIAS, "use_sla": True})
        plans = env["support.plan"].search([("company_id", "=", company.id)])
        if "channel_ids" in plans._fields:
            # the provider receives requests by email (a plan naming its
            # channels would refuse them)
            email = env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email")
            plans.filtered("channel_ids").write({"channel_ids": [(4, email.id)]})
        # databases generated before generate.py recorded it: a ticket staff
        # work on was taken in charge (else a reply would take it in charge
        # again, with its email)
        env.cr.execute(
            "UPDATE helpdesk_ticket SET taken_in_charge_date = assigned_date "
            "WHERE taken_in_charge_date IS NULL AND assigned_date IS NOT NULL"
        )
    release(template)


def prepare_baseline(args, ours, template):
    """A copy of ours without any module outside helpdesk_mgmt_sla's deps."""
    copy_database(args, ours, template)
    start = time.perf_counter()
    with environment(template) as env:
        Module = env["ir.module.module"]
        keep = Module.search([("name", "=", BASELINE_ROOT)])
        todo = keep
        while todo:
            todo = todo.dependencies_id.depend_id - keep
            keep |= todo
        extra = Module.search([("state", "=", "installed"), ("id", "not in", keep.ids)])
        names = sorted(extra.mapped("name"))
        extra.button_immediate_uninstall()
    release(template)
    print(
        f"baseline: {len(names)} modules uninstalled in "
        f"{time.perf_counter() - start:.0f} s",
        flush=True,
    )
    return names


def installed(db):
    with environment(db) as env:
        env.cr.execute(
            "SELECT count(*) FILTER (WHERE name LIKE 'support_terms%%'), count(*) "
            "FROM ir_module_module WHERE state = 'installed'"
        )
        ours, total = env.cr.fetchone()
        env.cr.execute("SELECT count(*) FROM helpdesk_ticket")
        tickets = env.cr.fetchone()[0]
    release(db)
    return {"support_terms modules": ours, "modules": total, "tickets": tickets}


# -- the emails -------------------------------------------------------------


def make_emails(db, kinds, rng):
    """One email spec per kind of ``kinds``, from the data of ``db``."""
    with environment(db) as env:
        cr = env.cr
        # the customers' contacts (a company's person with an email)
        cr.execute(
            "SELECT name, email FROM res_partner WHERE parent_id IS NOT NULL "
            "AND email LIKE '%%@customer%%' ORDER BY id"
        )
        contacts = cr.fetchall()
        awaiting = env.ref("helpdesk_mgmt.helpdesk_ticket_stage_awaiting")
        # tickets awaiting the customer, with their last message and customer
        cr.execute(
            """
            SELECT DISTINCT ON (t.id) t.name, p.name, p.email, m.message_id
              FROM helpdesk_ticket t
              JOIN res_partner p ON p.id = t.partner_id
              JOIN mail_message m ON m.model = 'helpdesk.ticket' AND m.res_id = t.id
             WHERE t.stage_id = %s AND m.message_id IS NOT NULL
             ORDER BY t.id, m.date DESC, m.id DESC
            """,
            [awaiting.id],
        )
        waiting = cr.fetchall()
    release(db)
    rng.shuffle(waiting)
    emails = []
    for number, kind in enumerate(kinds):
        spec = {"kind": kind, "message_id": f"<storm.{number}@mail.example.net>"}
        if kind == "reply":
            subject, name, address, parent = waiting.pop()
            spec.update(
                sender=(name, address),
                subject=f"Re: {subject}",
                in_reply_to=parent,
                body="Il problema si ripresenta, il sito è di nuovo giù.",
            )
        else:
            if kind == "unknown":
                sender = (f"Utente {number}", f"utente{number}@webmail.example.net")
            else:
                sender = rng.choice(contacts)
            subject = rng.choice(SUBJECTS)
            if kind == "urgent":
                subject = f"URGENTE: {subject}"
            spec.update(
                sender=sender,
                subject=subject,
                body="Buongiorno, da pochi minuti il sito non risponde. Grazie.",
            )
        emails.append(spec)
    return emails


def storm_kinds(count, rng):
    """``count`` kinds in the shares of SHARES, shuffled."""
    kinds = []
    for kind in KINDS:
        kinds += [kind] * round(SHARES[kind] * count)
    kinds = (kinds + ["new"] * count)[:count]
    rng.shuffle(kinds)
    return kinds


def raw_email(spec, now):
    name, address = spec["sender"]
    headers = [
        f"From: {email.utils.formataddr((name, address))}",
        f"To: {ALIAS}@{ALIAS_DOMAIN}",
        f"Subject: {spec['subject']}",
        f"Message-ID: {spec['message_id']}",
        f"Date: {email.utils.format_datetime(now)}",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: 8bit",
    ]
    if spec.get("in_reply_to"):
        headers += [
            f"In-Reply-To: {spec['in_reply_to']}",
            f"References: {spec['in_reply_to']}",
        ]
    return "\n".join([*headers, "", spec["body"], ""])


# -- processing -------------------------------------------------------------


def deliver(db, raw):
    """One email as the incoming mail server delivers it: one transaction."""
    registry = Registry(db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"mail_notify_force_send": False})
        thread_id = env["mail.thread"].message_process("helpdesk.ticket", raw)
        env.flush_all()
    return thread_id


def measure(db, spec, memory=False):
    thread = threading.current_thread()
    raw = raw_email(spec, datetime.now().astimezone())
    thread.query_count, thread.query_time = 0, 0.0
    if memory:
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
    start = time.perf_counter()
    thread_id = deliver(db, raw)
    wall = time.perf_counter() - start
    result = {
        "kind": spec["kind"],
        "ms": 1000 * wall,
        "queries": thread.query_count,
        "sql_ms": 1000 * thread.query_time,
        "ticket": thread_id,
    }
    if memory:
        result["peak_kib"] = (tracemalloc.get_traced_memory()[1] - base) / 1024
    return result


def run_pass(dbs, warm_up, emails, memory=False):
    """Every email on each database in turn; returns the rows per label."""
    for spec in warm_up:
        for db in dbs.values():
            measure(db, spec)
    rows = {label: [] for label in dbs}
    rss = {}
    if memory:
        tracemalloc.start()
    for spec in emails:
        for label, db in dbs.items():
            rows[label].append(measure(db, spec, memory))
            rss[label] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if memory:
        tracemalloc.stop()
    return rows, rss


def check(db, emails):
    """What the emails made: messages, tickets they went to, emails queued."""
    ids = [spec["message_id"] for spec in emails]
    with environment(db) as env:
        cr = env.cr
        cr.execute(
            "SELECT count(*), count(DISTINCT res_id) FROM mail_message "
            "WHERE model = 'helpdesk.ticket' AND message_id = ANY(%s)",
            [ids],
        )
        messages, tickets = cr.fetchone()
        cr.execute(
            "SELECT count(*) FROM mail_mail mm JOIN mail_message m "
            "ON m.id = mm.mail_message_id WHERE m.model = 'helpdesk.ticket' "
            "AND mm.create_date > now() at time zone 'utc' - interval '1 hour'"
        )
        queued = cr.fetchone()[0]
    release(db)
    return {"messages": messages, "tickets": tickets, "emails queued": queued}


def summary(rows):
    """Per kind and overall: count, emails/s, median and p90 of each figure."""
    result = {}
    for kind in (*KINDS, "all"):
        chosen = [r for r in rows if kind in ("all", r["kind"])]
        if not chosen:
            continue
        total_s = sum(r["ms"] for r in chosen) / 1000
        entry = {"emails": len(chosen), "emails_per_s": round(len(chosen) / total_s, 2)}
        for figure in ("ms", "queries", "sql_ms", "peak_kib"):
            values = [r[figure] for r in chosen if figure in r]
            if values:
                entry[f"{figure}_median"] = round(statistics.median(values), 1)
                entry[f"{figure}_p90"] = round(percentile(values, 0.9), 1)
        result[kind] = entry
    return result


def print_table(results):
    ours, base = results["ours"], results["baseline"]
    header = (
        f"{'kind':<8} {'n':>4} | {'email/s':>7} {'ms med':>7} {'ms p90':>7} "
        f"{'q med':>6} {'q p90':>6} | base: {'email/s':>7} {'ms med':>7} "
        f"{'ms p90':>7} {'q med':>6} {'q p90':>6} | ratio ms med/p90, q med/p90"
    )
    print(header)
    for kind, mine in ours.items():
        theirs = base[kind]

        def ratio(figure, mine=mine, theirs=theirs):
            return mine[figure] / theirs[figure] if theirs[figure] else float("nan")

        print(
            f"{kind:<8} {mine['emails']:>4} | {mine['emails_per_s']:>7} "
            f"{mine['ms_median']:>7} {mine['ms_p90']:>7} {mine['queries_median']:>6} "
            f"{mine['queries_p90']:>6} | base: {theirs['emails_per_s']:>7} "
            f"{theirs['ms_median']:>7} {theirs['ms_p90']:>7} "
            f"{theirs['queries_median']:>6} {theirs['queries_p90']:>6} | "
            f"{ratio('ms_median'):.2f} {ratio('ms_p90'):.2f}, "
            f"{ratio('queries_median'):.2f} {ratio('queries_p90'):.2f}"
        )
        if "peak_kib_median" in mine:
            print(
                f"{'':<8} Python allocations' peak per email, median/p90 KiB: "
                f"{mine['peak_kib_median']}/{mine['peak_kib_p90']}, base "
                f"{theirs['peak_kib_median']}/{theirs['peak_kib_p90']}"
            )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_db_arguments(parser)
    parser.add_argument("--emails", type=int, default=300)
    parser.add_argument("--warm-up", type=int, default=2, help="per kind, uncounted")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--tracemalloc", action="store_true")
    parser.add_argument("--reuse", action="store_true", help="keep the templates")
    parser.add_argument("--keep", action="store_true", help="do not drop templates")
    parser.add_argument("--json", help="also write the report to this file")
    args = parser.parse_args()
    configure_odoo(args)
    templates = {"ours": f"{args.db}_storm_ours", "baseline": f"{args.db}_storm_base"}
    report = {"db": args.db, "started": datetime.now().isoformat(timespec="seconds")}
    if not args.reuse:
        prepare_ours(args, templates["ours"])
        report["uninstalled"] = prepare_baseline(
            args, templates["ours"], templates["baseline"]
        )
    report["databases"] = {
        label: installed(template) for label, template in templates.items()
    }
    rng = random.Random(args.seed)
    warm_count = args.warm_up * len(KINDS)
    kinds = list(KINDS) * args.warm_up + storm_kinds(args.emails, rng)
    specs = make_emails(templates["ours"], kinds, rng)
    warm_up, emails = specs[:warm_count], specs[warm_count:]
    passes = [("time", False)] + ([("memory", True)] if args.tracemalloc else [])
    for name, memory in passes:
        dbs = {label: f"{template}_run" for label, template in templates.items()}
        for label, db in dbs.items():
            copy_database(args, templates[label], db)
        started = time.perf_counter()
        rows, rss = run_pass(dbs, warm_up, emails, memory)
        report[f"{name}_pass_s"] = round(time.perf_counter() - started, 1)
        report[name] = {
            label: {"summary": summary(rows[label]), "check": check(db, emails)}
            for label, db in dbs.items()
        }
        report[name]["peak_rss_mib"] = rss
        for db in dbs.values():
            release(db)
            drop_database(args, db)
        print(f"\n{name} pass ({report[f'{name}_pass_s']} s), peak RSS {rss} MiB")
        print_table({label: report[name][label]["summary"] for label in dbs})
        for label in dbs:
            print(label, report[name][label]["check"])
    if not args.keep:
        for template in templates.values():
            drop_database(args, template)
    if args.json:
        with open(args.json, "w") as out:
            json.dump(report, out, indent=2)
            out.write("\n")


if __name__ == "__main__":
    main()
