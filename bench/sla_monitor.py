"""The SLA monitor on a generated database: every ticket open, some SLAs due.

From a generated database (generate.py) it makes a copy in which every ticket
is open with its SLAs in progress, ``--escalate`` of them past their deadline
and ``--warn`` within their warning margin, the others later; then it runs the
monitor through run.py (Odoo's own cron worker) and reports time, SQL queries
per ticket checked and per SLA handled, and peak memory:

    python3 bench/sla_monitor.py --db st_bench_sla100k --escalate 5000 --warn 5000
"""

import argparse
import json

from common import (
    add_db_arguments,
    configure_odoo,
    copy_database,
    drop_database,
    environment,
    release,
    run_job,
)

CRON = "support_terms_sla.ir_cron_sla_monitor"


def prepare(db, escalate, warn):
    """All tickets open; the chosen SLAs due for an escalation or a warning."""
    with environment(db) as env:
        cr = env.cr
        in_progress = env.ref("helpdesk_mgmt.helpdesk_ticket_stage_in_progress")
        cr.execute("UPDATE helpdesk_ticket SET stage_id = %s", [in_progress.id])
        cr.execute("DELETE FROM support_sla_event")
        cr.execute(
            """
            UPDATE helpdesk_ticket_sla
               SET state = 'in_progress', warned = false, escalated = false,
                   deadline = now() at time zone 'utc' + interval '10 days',
                   warning_date = now() at time zone 'utc' + interval '9 days'
            """
        )
        cr.execute(
            """
            WITH due AS (SELECT id FROM helpdesk_ticket_sla ORDER BY id LIMIT %s)
            UPDATE helpdesk_ticket_sla s
               SET deadline = now() at time zone 'utc' - interval '1 hour',
                   warning_date = now() at time zone 'utc' - interval '2 hours'
              FROM due WHERE s.id = due.id
            """,
            [escalate],
        )
        cr.execute(
            """
            WITH due AS (
                SELECT id FROM helpdesk_ticket_sla
                 WHERE deadline > now() at time zone 'utc'
                 ORDER BY id LIMIT %s
            )
            UPDATE helpdesk_ticket_sla s
               SET deadline = now() at time zone 'utc' + interval '30 minutes',
                   warning_date = now() at time zone 'utc' - interval '30 minutes'
              FROM due WHERE s.id = due.id
            """,
            [warn],
        )
        cr.execute("SELECT count(*) FROM helpdesk_ticket")
        tickets = cr.fetchone()[0]
        cr.execute("SELECT count(*) FROM helpdesk_ticket_sla")
        slas = cr.fetchone()[0]
    release(db)
    return tickets, slas


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_db_arguments(parser)
    parser.add_argument("--escalate", type=int, default=5000)
    parser.add_argument("--warn", type=int, default=5000)
    parser.add_argument("--tracemalloc", action="store_true")
    args = parser.parse_args()
    configure_odoo(args)
    work = f"{args.db}_slamon"
    copy_database(args, args.db, work)
    tickets, slas = prepare(work, args.escalate, args.warn)
    report = run_job(
        args,
        work,
        f"--cron={CRON}",
        "--count-sql=SELECT count(*) FROM support_sla_event",
        tracemalloc=args.tracemalloc,
    )
    drop_database(args, work)
    handled = report.get("count_delta", 0)
    row = {
        "open_tickets": tickets,
        "ticket_slas_checked": slas,
        "handled": handled,
        "wall_s": report["wall_s"],
        "queries": report["queries"],
        "queries_per_ticket_checked": round(report["queries"] / tickets, 3),
        "queries_per_sla_handled": round(report["queries"] / handled, 2)
        if handled
        else None,
        "tracemalloc_peak_mib": report.get("tracemalloc_peak_mib"),
        "rss_peak_mib": report["rss_peak_mib"],
    }
    print(json.dumps(row, indent=2))


if __name__ == "__main__":
    main()
