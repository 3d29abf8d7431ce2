"""Several cron workers on one database: the same result as one, faster.

Each scheduled action of support_terms runs on its own copy of one generated
database, by 1, 2 and 4 worker processes started at once, in two ways:

- ``cron``: each process is an Odoo cron worker polling the database, as a
  server started with ``--max-cron-threads`` does: ``ir.cron._process_jobs``
  (take the ready job, run its batches, release it) until the job is no longer
  ready. Odoo lets one worker hold a job at a time: the batches of one action
  follow each other, whichever worker runs them.
- ``calls``: each process calls the action's server action itself, in a loop,
  one committed batch per call (what ``_process_job`` does, without Odoo's
  lock on the job): the workers run the action at the same moment, and only
  the action's own ``FOR UPDATE SKIP LOCKED`` keeps them off each other's
  records. Odoo's transactions are REPEATABLE READ: a call that locks a row
  another worker changed after the call began fails with a serialization
  error; it is rolled back and made again, as Odoo retries a request, and
  counted (``retried_calls``).

After each run the data the action changes is summed up in SQL (the
"fingerprint": counts and checksums, no timestamps) and compared with the one
worker's; the fingerprint also counts records handled twice (a second closing
email, a second expiry...), which must be 0. The report gives, per action,
mode and number of workers, the wall time (from the moment every worker is
ready to the end of the last one), the records reported done, and the speed-up
over one worker:

    python3 bench/workers.py --db st_bench_workers --create-db --tickets 2000

``--create-db`` generates the database (generate.py, without demo data);
without it ``--db`` must be a generated database (updated first with
``-u support_terms``). Each action is prepared on
a template copy (the data bench/<action>.py makes, at modest sizes) with
batches of ``--batch`` records, so that even small data gives each worker
several batches.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

import auto_close
import charge_invoicing
import credit_expiry
import sla_monitor
from common import (
    HERE,
    add_db_arguments,
    configure_odoo,
    copy_database,
    drop_database,
    environment,
    odoo_command,
    release,
)
from psycopg2.errors import TransactionRollbackError

import odoo
from odoo import fields
from odoo.modules.registry import Registry

# How long a worker waits for a job another worker holds before deciding
# the run is over (seconds without the job ready and nothing to do).
IDLE_LIMIT = 3.0


# emails queued for records of a model (mail.mail's message holds the record)
MAILS_FROM = (
    "FROM mail_mail mm JOIN mail_message m ON m.id = mm.mail_message_id "
    "WHERE m.model = %s"
)
MAILS = f"SELECT count(*) {MAILS_FROM}"


def _count(cr, query, params=None):
    cr.execute(query, params or [])
    return [float(v) if v is not None else 0 for v in cr.fetchone()]


def prepare_auto_close(args, db):
    # a generated database has about a third of its tickets open
    auto_close.prepare(args, db, args.due // 2)


def prepare_sla(args, db):
    sla_monitor.prepare(db, args.due // 2, args.due // 2)


def prepare_credits(args, db):
    credit_expiry.prepare(db, 200, args.due * 4, args.due)


def prepare_charges(args, db):
    charge_invoicing.prepare(db, max(args.due // 10, 1), args.due)


def prepare_overdue(args, db):
    """The company turns the suspension on: its overdue customers are due."""
    with environment(db) as env:
        company = env.ref("base.main_company")
        fee = env.ref("support_terms_suspension.product_reactivation_fee")
        if company.account_sale_tax_id:
            fee.taxes_id |= company.account_sale_tax_id
        company.write(
            {
                "support_overdue_suspension": True,
                "support_reactivation_fee_product_id": fee.id,
            }
        )
    release(db)


def prepare_renewal(args, db):
    """The generated lines due to renew or to be reminded are the work."""


def fingerprint_auto_close(cr):
    return {
        "closed, checksum": _count(
            cr,
            "SELECT count(*), coalesce(sum(id), 0) FROM helpdesk_ticket "
            "WHERE auto_closed_date IS NOT NULL",
        ),
        "emails": _count(cr, MAILS, ["helpdesk.ticket"]),
        "tickets emailed twice": _count(
            cr,
            f"SELECT count(*) FROM (SELECT m.res_id {MAILS_FROM} "
            "GROUP BY m.res_id HAVING count(*) > 1) t",
            ["helpdesk.ticket"],
        ),
    }


def fingerprint_sla(cr):
    return {
        "events by kind": _count(
            cr,
            "SELECT count(*) FILTER (WHERE kind = 'warning'), "
            "count(*) FILTER (WHERE kind = 'escalation') FROM support_sla_event",
        ),
        "warned, escalated": _count(
            cr,
            "SELECT count(*) FILTER (WHERE warned), count(*) FILTER (WHERE escalated) "
            "FROM helpdesk_ticket_sla",
        ),
        "activities": _count(
            cr, "SELECT count(*) FROM mail_activity WHERE res_model = 'helpdesk.ticket'"
        ),
        "SLAs with two events of a kind": _count(
            cr,
            "SELECT count(*) FROM (SELECT 1 FROM support_sla_event "
            "GROUP BY ticket_sla_id, kind HAVING count(*) > 1) t",
        ),
    }


def fingerprint_credits(cr):
    return {
        "expiries, packs, credits": _count(
            cr,
            "SELECT count(*), count(DISTINCT pack_id), coalesce(sum(quantity), 0) "
            "FROM support_credit_move WHERE move_type = 'expiry'",
        ),
        "packs expired twice": _count(
            cr,
            "SELECT count(*) FROM (SELECT pack_id FROM support_credit_move "
            "WHERE move_type = 'expiry' GROUP BY pack_id HAVING count(*) > 1) t",
        ),
    }


def fingerprint_charges(cr):
    return {
        "invoiced charges, lines, amount": _count(
            cr,
            "SELECT count(DISTINCT c.id), count(l.id), coalesce(sum(l.price_unit), 0) "
            "FROM support_ticket_charge c "
            "JOIN account_move_line l ON l.support_charge_id = c.id",
        ),
        "invoices, customers": _count(
            cr,
            "SELECT count(DISTINCT l.move_id), count(DISTINCT m.partner_id) "
            "FROM account_move_line l JOIN account_move m ON m.id = l.move_id "
            "WHERE l.support_charge_id IS NOT NULL",
        ),
        "charges left to invoice": _count(
            cr, "SELECT count(*) FROM support_ticket_charge WHERE state = 'to_invoice'"
        ),
    }


def fingerprint_overdue(cr):
    return {
        "suspensions, customers": _count(
            cr,
            "SELECT count(*), count(DISTINCT partner_id) "
            "FROM support_service_suspension WHERE reason = 'overdue'",
        ),
        "suspended lines, checksum": _count(
            cr,
            "SELECT count(*), coalesce(sum(id), 0) FROM contract_line "
            "WHERE service_state = 'suspended'",
        ),
        "invoices waited for": _count(
            cr,
            "SELECT count(*), coalesce(sum(id), 0) FROM account_move "
            "WHERE support_suspension_id IS NOT NULL",
        ),
        "emails": _count(cr, MAILS, ["support.service.suspension"]),
    }


def fingerprint_renewal(cr):
    return {
        "lines, sum of end dates": _count(
            cr,
            "SELECT count(*), coalesce(sum(date_end - DATE '2000-01-01'), 0) "
            "FROM contract_line",
        ),
        "reminders": _count(cr, "SELECT count(*) FROM support_renewal_reminder"),
        "renewal emails": _count(cr, MAILS, ["support.renewal.reminder"]),
    }


ACTIONS = {
    "auto_close": (
        "support_terms_auto_close.ir_cron_auto_close_tickets",
        "support_terms.auto_close_batch_size",
        prepare_auto_close,
        fingerprint_auto_close,
    ),
    "sla_monitor": (
        "support_terms_sla.ir_cron_sla_monitor",
        "support_terms.sla_monitor_batch_size",
        prepare_sla,
        fingerprint_sla,
    ),
    "credit_expiry": (
        "support_terms_coverage.ir_cron_expire_credits",
        "support_terms.credit_expiry_batch_size",
        prepare_credits,
        fingerprint_credits,
    ),
    "charge_invoicing": (
        "support_terms_coverage.ir_cron_invoice_charges",
        "support_terms.charge_invoicing_batch_size",
        prepare_charges,
        fingerprint_charges,
    ),
    "overdue_suspension": (
        "support_terms_suspension.ir_cron_overdue_suspension",
        "support_terms.overdue_suspension_batch_size",
        prepare_overdue,
        fingerprint_overdue,
    ),
    "renewal": (
        "contract_line_successor.contract_line_cron_for_renew",
        "support_terms.renewal_batch_size",
        prepare_renewal,
        fingerprint_renewal,
    ),
}


# -- one worker process ---------------------------------------------------------


def _job_ready(db, cron_id):
    with Registry(db).cursor() as cr:
        cr.execute(
            "SELECT active AND nextcall <= now() at time zone 'utc' "
            "FROM ir_cron WHERE id = %s",
            [cron_id],
        )
        return cr.fetchone()[0]


def work_cron(db, cron_id):
    """Poll like a cron thread until the job is done (not ready any more)."""
    IrCron = Registry(db)["ir.cron"]
    polls = 0
    while _job_ready(db, cron_id):
        polls += 1
        IrCron._process_jobs(db)
        time.sleep(0.05)
    with Registry(db).cursor() as cr:
        cr.execute(
            "SELECT count(*), coalesce(sum(done), 0) FROM ir_cron_progress "
            "WHERE cron_id = %s",
            [cron_id],
        )
        calls, done = cr.fetchone()
    return {"polls": polls, "calls_of_all_workers": calls, "done": None, "all": done}


def work_calls(db, cron_id):
    """Call the server action, one committed batch at a time, until done."""
    registry = Registry(db)
    calls = done = retries = 0
    idle_since = None
    while True:
        try:
            with registry.cursor() as cr:
                env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
                cron = env["ir.cron"].browse(cron_id)
                cron = cron.with_context(lastcall=cron.lastcall, cron_id=cron.id)
                cron, progress = cron._add_progress()
                cr.commit()
                cron.with_user(cron.user_id).ir_actions_server_id.run()
                env.flush_all()
                cr.commit()
                calls += 1
                call_done, remaining = progress.done, progress.remaining
                done += call_done
        except TransactionRollbackError:
            # Odoo's transactions are REPEATABLE READ: locking a row another
            # worker changed since this call's snapshot fails the call, which
            # is rolled back and made again (as Odoo retries a request)
            retries += 1
            time.sleep(0.05)
            continue
        if call_done:
            idle_since = None
        elif not remaining:
            break
        else:
            # the others hold the remaining rows: wait for them to commit
            idle_since = idle_since or time.perf_counter()
            if time.perf_counter() - idle_since > IDLE_LIMIT:
                break
            time.sleep(0.05)
        if not remaining:
            break
    return {"calls": calls, "done": done, "retries": retries}


def worker_main(args):
    configure_odoo(args)
    registry = Registry(args.db)
    with registry.cursor() as cr:
        cr.execute("SELECT 1")
    with open(f"{args.go}.ready{args.index}", "w"):
        pass
    while not os.path.exists(args.go):
        time.sleep(0.01)
    start = time.time()
    work = work_cron if args.mode == "cron" else work_calls
    result = work(args.db, args.cron_id)
    result.update(start=start, end=time.time())
    with open(args.out, "w") as out:
        json.dump(result, out)


# -- the orchestration ----------------------------------------------------------


def ready_the_job(db, cron_xmlid, batch_param, batch):
    """The job ready to run, the only one (the workers poll every job)."""
    with environment(db) as env:
        cron = env.ref(cron_xmlid)
        env.cr.execute("UPDATE ir_cron SET active = false WHERE id != %s", [cron.id])
        cron.write({"active": True, "nextcall": fields.Datetime.now()})
        env["ir.config_parameter"].set_param(batch_param, batch)
        cron_id = cron.id
    release(db)
    return cron_id


def run_workers(args, db, cron_id, mode, count):
    with tempfile.TemporaryDirectory() as tmp:
        go = os.path.join(tmp, "go")
        procs = []
        for index in range(count):
            procs.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        os.path.join(HERE, "workers.py"),
                        f"--db={db}",
                        f"--db-host={args.db_host}",
                        f"--db-port={args.db_port}",
                        f"--db-user={args.db_user}",
                        "--worker",
                        f"--mode={mode}",
                        f"--cron-id={cron_id}",
                        f"--index={index}",
                        f"--go={go}",
                        f"--out={os.path.join(tmp, f'w{index}.json')}",
                    ]
                )
            )
        while not all(os.path.exists(f"{go}.ready{i}") for i in range(count)):
            if any(p.poll() not in (None, 0) for p in procs):
                raise SystemExit("a worker failed to start")
            time.sleep(0.05)
        open(go, "w").close()
        for proc in procs:
            if proc.wait():
                raise SystemExit(f"a worker exited with {proc.returncode}")
        results = []
        for index in range(count):
            with open(os.path.join(tmp, f"w{index}.json")) as file:
                results.append(json.load(file))
    wall = max(r["end"] for r in results) - min(r["start"] for r in results)
    return wall, results


def fingerprint(db, function):
    with environment(db) as env:
        print_ = function(env.cr)
    release(db)
    return print_


def bench_action(args, name, rows):
    cron_xmlid, batch_param, prepare, fingerprint_function = ACTIONS[name]
    template = f"{args.db}_w_{name}"
    copy_database(args, args.db, template)
    prepare(args, template)
    cron_id = ready_the_job(template, cron_xmlid, batch_param, args.batch)
    for mode in args.modes:
        reference = None
        for count in args.workers:
            db = f"{template}_run"
            copy_database(args, template, db)
            wall, results = run_workers(args, db, cron_id, mode, count)
            result = fingerprint(db, fingerprint_function)
            drop_database(args, db)
            if reference is None:
                reference = (result, wall)
            done = sum(r.get("done") or 0 for r in results) or results[0].get("all")
            twice = sum(
                value[0]
                for key, value in result.items()
                if "twice" in key or "two events" in key
            )
            row = {
                "action": name,
                "mode": mode,
                "workers": count,
                "wall_s": round(wall, 2),
                "done": done,
                "retried_calls": sum(r.get("retries", 0) for r in results),
                "speed_up": round(reference[1] / wall, 2) if wall else None,
                "same_result": result == reference[0],
                "handled_twice": twice,
                "fingerprint": result,
            }
            rows.append(row)
            print(json.dumps(row), flush=True)
    drop_database(args, template)


def print_summary(rows):
    columns = ["action", "mode", "workers", "wall_s", "done", "retried_calls"]
    columns += ["speed_up"]
    columns += ["same_result", "handled_twice"]
    widths = [max(len(c), *(len(str(r[c])) for r in rows)) for c in columns]
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)))
    for row in rows:
        print(
            "  ".join(
                str(row[c]).ljust(w) for c, w in zip(columns, widths, strict=True)
            )
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_db_arguments(parser)
    parser.add_argument("--create-db", action="store_true")
    parser.add_argument("--tickets", type=int, default=2000)
    parser.add_argument(
        "--due", type=int, default=1000, help="records due per action (about)"
    )
    parser.add_argument("--batch", type=int, default=100, help="records per batch")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--modes", nargs="+", default=["cron", "calls"])
    parser.add_argument("--actions", nargs="+", default=list(ACTIONS))
    parser.add_argument("--json", help="also write the rows to this file")
    # a worker process (started by this script)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--mode", help=argparse.SUPPRESS)
    parser.add_argument("--cron-id", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--index", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--go", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return worker_main(args)
    configure_odoo(args)
    if args.create_db:
        subprocess.run(
            [
                sys.executable,
                os.path.join(HERE, "generate.py"),
                f"--db={args.db}",
                f"--db-host={args.db_host}",
                f"--db-port={args.db_port}",
                f"--db-user={args.db_user}",
                f"--tickets={args.tickets}",
                "--create-db",
            ],
            check=True,
        )
    else:
        # the generated database brought up to this working tree's addon
        odoo_command(args, args.db, "-u", "support_terms")
    rows = []
    for name in args.actions:
        bench_action(args, name, rows)
    print_summary(rows)
    if args.json:
        with open(args.json, "w") as out:
            json.dump(rows, out, indent=2)
    return None


if __name__ == "__main__":
    main()
