"""Run one scheduled action (or model method) on a database and measure it.

The cron is run by Odoo's own worker code, as the cron thread would: the job
is acquired, ``_process_job`` runs the server action in batches (committing
after each and calling it again while it reports remaining records through
``_notify_progress``, up to 10 times), and the job is acquired again as long
as it is left ready, i.e. partially done. Around that it measures:

- wall time;
- SQL queries and their time, counted by Odoo's cursor on the running thread
  (every cursor the job opens, the worker's included);
- records processed: the ``done`` the job reported through the progress API,
  and/or the change of ``--count-sql`` (a ``SELECT count(*) ...``);
- memory: the growth of the process's peak resident set size (``ru_maxrss``)
  and, with ``--tracemalloc``, the peak of Python allocations (tracing them
  makes the job 3 to 4 times slower, so the wall time is then not
  comparable).

The job changes the database: run it on a copy of the generated one,
``createdb -T st_bench_10k st_bench_run``.

    python3 bench/run.py --db st_bench_run --cron contract.contract_cron_for_invoice
"""

import argparse
import importlib
import json
import resource
import threading
import time
import tracemalloc
from datetime import datetime

from common import add_db_arguments, configure_odoo, environment

import odoo
from odoo import fields
from odoo.modules.registry import Registry

# A job left ready forever (always "partially done") would loop: stop there.
MAX_ACQUISITIONS = 1000
# Tables counted before the run, to tell which dataset the figures are for.
DATASET_TABLES = [
    "res_partner",
    "contract_line",
    "account_move",
    "helpdesk_ticket",
    "mail_message",
]


def count(cr, query):
    cr.execute(query)
    return cr.fetchone()[0]


def prepare(args):
    """Dataset size, the cron made ready, the last progress row before."""
    with environment(args.db) as env:
        cr = env.cr
        info = {
            "dataset": {
                table: count(cr, f"SELECT count(*) FROM {table}")
                for table in DATASET_TABLES
            }
        }
        if args.count_sql:
            info["count_before"] = count(cr, args.count_sql)
        if args.cron:
            cron = env.ref(args.cron)
            # The worker only takes active jobs whose time has come.
            cron.write({"active": True, "nextcall": fields.Datetime.now()})
            info["cron_id"] = cron.id
            info["failures_before"] = cron.failure_count
            info["last_progress_id"] = count(
                cr, "SELECT coalesce(max(id), 0) FROM ir_cron_progress"
            )
    return info


def run_cron(args, info):
    """Acquire and process the job like ``ir.cron._process_jobs`` does."""
    IrCron = Registry(args.db)["ir.cron"]
    db = odoo.sql_db.db_connect(args.db)
    acquisitions = 0
    with db.cursor() as cron_cr:
        while job := IrCron._acquire_one_job(cron_cr, info["cron_id"]):
            acquisitions += 1
            if acquisitions > MAX_ACQUISITIONS:
                raise SystemExit(f"job still ready after {MAX_ACQUISITIONS} runs")
            IrCron._process_job(db, cron_cr, job)
    return acquisitions


def run_method(args):
    """Call ``model.method()`` as the superuser and commit, as a cron would.

    ``model.method@module.Class`` calls that class's own definition of the
    method on the model, e.g. an OCA method that support_terms overrides.
    """
    target, _sep, owner = args.method.partition("@")
    model, method = target.rsplit(".", 1)
    with environment(args.db) as env:
        if owner:
            module, cls = owner.rsplit(".", 1)
            function = getattr(getattr(importlib.import_module(module), cls), method)
            function(env[model])
        else:
            getattr(env[model], method)()
        env.flush_all()
    return 1


def measure(args, info):
    """Run the job once, counting its queries on this thread."""
    thread = threading.current_thread()
    thread.dbname = args.db  # as the cron thread, for code reading it
    thread.query_count, thread.query_time = 0, 0.0
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if args.tracemalloc:
        tracemalloc.start()
    start = time.perf_counter()
    calls = run_cron(args, info) if args.cron else run_method(args)
    wall = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] if args.tracemalloc else None
    tracemalloc.stop()
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "acquisitions": calls,
        "wall_s": round(wall, 3),
        "queries": thread.query_count,
        "sql_s": round(thread.query_time, 3),
        "tracemalloc_peak_mib": peak and round(peak / 2**20, 1),
        "rss_growth_mib": round((rss_after - rss_before) / 1024, 1),
        "rss_peak_mib": round(rss_after / 1024, 1),
    }


def collect(args, info):
    """What the job reported and what changed, read after the run."""
    result = {}
    with environment(args.db) as env:
        cr = env.cr
        if args.count_sql:
            result["count_after"] = count(cr, args.count_sql)
            result["count_delta"] = result["count_after"] - info["count_before"]
        if args.cron:
            cr.execute(
                """
                SELECT count(*), coalesce(sum(done), 0),
                       (array_agg(remaining ORDER BY id DESC))[1]
                  FROM ir_cron_progress
                 WHERE cron_id = %s AND id > %s
                """,
                [info["cron_id"], info["last_progress_id"]],
            )
            calls, done, remaining = cr.fetchone()
            cron = env["ir.cron"].browse(info["cron_id"])
            failed = cron.failure_count > info["failures_before"]
            result.update(
                callbacks=calls,
                done=done,
                remaining=remaining or 0,
                status="failed" if failed else "done",
            )
    return result


def print_table(report):
    done = report.get("done")
    records = []
    if done:
        records.append(f"{done} done (progress API)")
    if "count_delta" in report:
        records.append(f"{report['count_delta']:+d} ({report['count_sql']})")
    peak = report["tracemalloc_peak_mib"]
    rows = [
        ("label", report["label"]),
        ("job", report["job"]),
        ("dataset", ", ".join(f"{k} {v}" for k, v in report["dataset"].items())),
        ("status", report.get("status", "done")),
        ("callbacks", report.get("callbacks", report["acquisitions"])),
        ("wall time", f"{report['wall_s']:.2f} s"),
        ("SQL queries", f"{report['queries']} ({report['sql_s']:.2f} s in SQL)"),
        ("records", "; ".join(records) or "not reported"),
        ("tracemalloc peak", "off" if peak is None else f"{peak} MiB"),
        (
            "peak RSS",
            f"{report['rss_peak_mib']} MiB (+{report['rss_growth_mib']} MiB)",
        ),
    ]
    width = max(len(name) for name, _value in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_db_arguments(parser)
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--cron", help="xml id of the ir.cron to run")
    target.add_argument("--method", help="model.method to call instead")
    parser.add_argument("--label", default="", help="free text kept in the report")
    parser.add_argument("--json", help="also write the report to this file")
    parser.add_argument(
        "--count-sql", help="SELECT count(*) ... whose change counts the records"
    )
    parser.add_argument(
        "--tracemalloc",
        action="store_true",
        help="also trace Python allocations (peak); makes the job 3-4x slower",
    )
    args = parser.parse_args()
    configure_odoo(args)
    info = prepare(args)
    report = {
        "label": args.label,
        "db": args.db,
        "job": f"cron {args.cron}" if args.cron else f"method {args.method}",
        "started": datetime.now().isoformat(timespec="seconds"),
        "count_sql": args.count_sql,
        "tracemalloc": args.tracemalloc,
        "dataset": info["dataset"],
    }
    report.update(measure(args, info))
    report.update(collect(args, info))
    print_table(report)
    if args.json:
        with open(args.json, "w") as file:
            json.dump(report, file, indent=2)
            file.write("\n")


if __name__ == "__main__":
    main()
