"""Auto-close: support_terms' scheduled action beside OCA's, on the same data.

From a generated database (generate.py) it makes a template copy with OCA's
helpdesk_ticket_close_inactive installed, and turns ``--due`` open tickets of
teams into tickets waiting for the customer for 8 days (warned 3 days ago, so
that both actions only close). OCA's module is configured to do the same
closing: every team, the waiting stage, 7 days, the same closing stage, an
email and a chatter message per ticket, no warning. Each action then runs,
through run.py (Odoo's own cron worker), on its own fresh copy of that
template, so both see the same rows. OCA's module is pip-installed first when
the addons path lacks it (``odoo-addon-helpdesk_ticket_close_inactive``):

    python3 bench/auto_close.py --db st_bench_100k --due 20000 --due 2000

The report gives, per action and number of due tickets, the wall time, the
SQL queries per closed ticket and the peak memory, then the throughput ratio
and how time grows from the smallest to the largest ``--due``.
"""

import argparse
import json
import os
import subprocess
import sys

from common import (
    add_db_arguments,
    addons_path,
    configure_odoo,
    copy_database,
    drop_database,
    environment,
    odoo_command,
    release,
    run_job,
)

OURS = "support_terms_auto_close.ir_cron_auto_close_tickets"
OCA = "helpdesk_ticket_close_inactive.ir_cron_close_inactive_tickets"
OCA_MODULE = "helpdesk_ticket_close_inactive"
OCA_REQUIREMENT = "odoo-addon-helpdesk_ticket_close_inactive==18.0.*"


def ensure_oca_module():
    """OCA's module on the addons path, pip-installed when missing."""
    if any(
        os.path.isfile(os.path.join(path, OCA_MODULE, "__manifest__.py"))
        for path in addons_path().split(",")
    ):
        return
    print(f"{OCA_MODULE} missing: pip install {OCA_REQUIREMENT}", flush=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", OCA_REQUIREMENT],
        check=True,
    )


def update_modules(args, db, with_oca):
    """support_terms brought up to date, OCA's module installed if asked."""
    modules = ["-u", "support_terms"]
    if with_oca:
        modules += ["-i", "helpdesk_ticket_close_inactive"]
    odoo_command(args, db, *modules)


def prepare(args, db, due):
    """``due`` tickets waiting 8 days, warned; both actions set to close them."""
    with environment(db) as env:
        cr = env.cr
        waiting = env.ref("helpdesk_mgmt.helpdesk_ticket_stage_awaiting")
        closing = env.ref(
            "support_terms_auto_close.helpdesk_ticket_stage_closed_no_reply"
        )
        closed_mail = env.ref("helpdesk_mgmt.closed_ticket_template")
        # nothing else is due for either action
        cr.execute(
            """
            UPDATE helpdesk_ticket
               SET waiting_since = now() at time zone 'utc' - interval '1 day',
                   last_stage_update = now() at time zone 'utc' - interval '1 day',
                   auto_close_warned_date = NULL,
                   auto_close_warning_date = NULL,
                   auto_close_date = NULL
             WHERE stage_id = %s
            """,
            [waiting.id],
        )
        cr.execute(
            """
            WITH chosen AS (
                SELECT t.id
                  FROM helpdesk_ticket t
                  JOIN helpdesk_ticket_stage s ON s.id = t.stage_id
                 WHERE NOT s.closed AND t.team_id IS NOT NULL
                   AND t.partner_id IS NOT NULL AND t.active
                 ORDER BY t.id
                 LIMIT %s
            )
            UPDATE helpdesk_ticket t
               SET stage_id = %s,
                   waiting_since = now() at time zone 'utc' - interval '8 days',
                   last_stage_update = now() at time zone 'utc' - interval '8 days',
                   auto_close_warned_date
                       = now() at time zone 'utc' - interval '3 days',
                   auto_close_warning_date
                       = now() at time zone 'utc' - interval '3 days',
                   auto_close_date = now() at time zone 'utc' - interval '1 day'
              FROM chosen
             WHERE t.id = chosen.id
            """,
            [due, waiting.id],
        )
        if cr.rowcount != due:
            raise SystemExit(f"only {cr.rowcount} open tickets, {due} asked")
        # the other waiting tickets: not due for us either
        cr.execute(
            """
            UPDATE helpdesk_ticket
               SET auto_close_warning_date = waiting_since + interval '5 days',
                   auto_close_date = waiting_since + interval '7 days'
             WHERE stage_id = %s AND auto_close_date IS NULL
            """,
            [waiting.id],
        )
        teams = env["helpdesk.ticket.team"].with_context(active_test=False).search([])
        teams.write({"auto_close_stage_id": closing.id})
        if "close_inactive_tickets" in teams._fields:
            teams.write(
                {
                    "close_inactive_tickets": True,
                    "ticket_stage_ids": [(6, 0, waiting.ids)],
                    "inactive_tickets_day_limit_warning": 0,
                    "inactive_tickets_day_limit_closing": 7,
                    "closing_ticket_stage": closing.id,
                    "close_inactive_mail_template_id": closed_mail.id,
                }
            )
        return closing.id


def run(args, template, cron, due, closing_stage, tracemalloc):
    db = f"{template}_run"
    copy_database(args, template, db)
    report = run_job(
        args,
        db,
        f"--cron={cron}",
        f"--label={cron} {due} due",
        "--count-sql=SELECT count(*) FROM helpdesk_ticket "
        f"WHERE stage_id = {closing_stage}",
        tracemalloc=tracemalloc,
    )
    drop_database(args, db)
    closed = report.get("count_delta", 0)
    return {
        "action": "support_terms" if cron == OURS else "OCA close_inactive",
        "due": due,
        "closed": closed,
        "wall_s": report["wall_s"],
        "queries": report["queries"],
        "queries_per_closed": round(report["queries"] / closed, 2) if closed else None,
        "closed_per_s": round(closed / report["wall_s"], 1) if closed else None,
        "tracemalloc_peak_mib": report.get("tracemalloc_peak_mib"),
        "rss_peak_mib": report["rss_peak_mib"],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_db_arguments(parser)
    parser.add_argument(
        "--due", type=int, action="append", help="due tickets (repeatable)"
    )
    parser.add_argument(
        "--skip-oca", action="store_true", help="measure support_terms only"
    )
    parser.add_argument(
        "--tracemalloc",
        action="store_true",
        help="measure the Python allocation peak (slower: compare times without)",
    )
    parser.add_argument("--json", help="also write the rows to this file")
    args = parser.parse_args()
    configure_odoo(args)
    if not args.skip_oca:
        ensure_oca_module()
    rows = []
    for due in sorted(args.due or [20000]):
        template = f"{args.db}_ac{due}"
        copy_database(args, args.db, template)
        update_modules(args, template, not args.skip_oca)
        closing_stage = prepare(args, template, due)
        # let createdb copy it: no connection of ours may stay open on it
        release(template)
        crons = [OURS] if args.skip_oca else [OURS, OCA]
        for cron in crons:
            rows.append(run(args, template, cron, due, closing_stage, args.tracemalloc))
            print(json.dumps(rows[-1]), flush=True)
        drop_database(args, template)
    print_summary(rows)
    if args.json:
        with open(args.json, "w") as out:
            json.dump(rows, out, indent=2)


def print_summary(rows):
    columns = [
        "action",
        "due",
        "closed",
        "wall_s",
        "closed_per_s",
        "queries_per_closed",
        "tracemalloc_peak_mib",
        "rss_peak_mib",
    ]
    widths = [max(len(c), *(len(str(r[c])) for r in rows)) for c in columns]
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)))
    for row in rows:
        print(
            "  ".join(
                str(row[c]).ljust(w) for c, w in zip(columns, widths, strict=True)
            )
        )
    ours = {r["due"]: r for r in rows if r["action"] == "support_terms"}
    oca = {r["due"]: r for r in rows if r["action"] != "support_terms"}
    for due in sorted(ours):
        if due in oca and oca[due]["closed_per_s"]:
            ratio = ours[due]["closed_per_s"] / oca[due]["closed_per_s"]
            print(f"throughput ratio at {due} due: {ratio:.1f}x OCA's")
    if len(ours) > 1:
        low, high = min(ours), max(ours)
        growth = ours[high]["wall_s"] / ours[low]["wall_s"]
        print(f"time from {low} to {high} due: x{growth:.1f}")


if __name__ == "__main__":
    main()
