"""Tacit renewal and reminders beside OCA's plain renewal, on the same data.

Builds a database with ``--lines`` yearly hosting lines (anniversary policy,
60 days of notice) of ``--lines / 10`` customers, ``--due`` of them past
their notice deadline (to renew today) and ``--remind`` of them at their
reminder day; the rest is mid-period. Rows are copied in SQL from one line
made by the ORM, so every stored field is what the ORM computes. Then, each
on its own copy of that database:

- ours: OCA's daily renewal action, which support_terms turns into batched
  renewal plus reminders, run by Odoo's cron worker (run.py --cron);
- OCA: contract_line_successor's own ``cron_renew_contract_line`` body
  (search everything due, renew it in one transaction), called directly.

It prints time, SQL queries per renewed line and peak memory of both, and
the ratio of time per renewed line:

    python3 bench/renewal.py --db st_bench_renewal --lines 50000 --due 5000
"""

import argparse
import json
import statistics
from datetime import date, timedelta

from common import (
    add_db_arguments,
    clone,
    configure_odoo,
    copy_database,
    create_database,
    drop_database,
    environment,
    release,
    run_job,
)

CRON = "contract_line_successor.contract_line_cron_for_renew"
OCA_RENEWAL = (
    "contract.line.cron_renew_contract_line@"
    "odoo.addons.contract_line_successor.models.contract_line.ContractLine"
)


def copy_rows(cr, table, template_id, count, overrides):
    """``count`` copies of one row; ``overrides`` are SQL over ``s.g``.

    ``s.g`` runs from 0 to count - 1.
    """
    return clone(
        cr,
        table,
        f"t.id = {int(template_id)}",
        f"SELECT generate_series(0, {int(count)} - 1) AS g",
        overrides,
        returning=True,
    )


def generate(args):
    """Customers, contracts and lines, each line due, reminded or idle."""
    from odoo.addons.support_terms_renewal.rules import renewal as renewal_rules

    today = date.today()
    customers = max(args.lines // 10, 1)
    with environment(args.db) as env:
        cr = env.cr
        # the provider turned its renewal reminders on
        env.company.support_renewal_reminders = True
        product = env["product.product"].create(
            {
                "name": "Hosting annuale",
                "type": "service",
                "service_kind": "hosting",
                "renewal_policy": "anniversary",
                "notice_days": 60,
            }
        )
        partner = env["res.partner"].create(
            {"name": "Cliente 0", "is_company": True, "email": "c0@bench.example"}
        )
        start = today - timedelta(days=100)
        contract = env["contract.contract"].create(
            {
                "name": "Hosting",
                "partner_id": partner.id,
                "line_recurrence": True,
                "contract_line_ids": [
                    (
                        0,
                        0,
                        {
                            "product_id": product.id,
                            "name": "Hosting annuale",
                            "quantity": 1,
                            "price_unit": 99,
                            "recurring_rule_type": "yearly",
                            "recurring_interval": 1,
                            "date_start": start,
                            "date_end": renewal_rules.period_end(start, "anniversary"),
                            "is_auto_renew": True,
                            "auto_renew_rule_type": "yearly",
                            "auto_renew_interval": 1,
                        },
                    )
                ],
            }
        )
        env.flush_all()
        line = contract.contract_line_ids
        partners = copy_rows(
            cr,
            "res_partner",
            partner.id,
            customers - 1,
            {
                "name": "'Cliente ' || (s.g + 1)",
                "complete_name": "'Cliente ' || (s.g + 1)",
                "email": "'c' || (s.g + 1) || '@bench.example'",
            },
        )
        partner_ids = [partner.id, *partners]
        cr.execute(
            "UPDATE res_partner SET commercial_partner_id = id WHERE id = ANY(%s)",
            [partner_ids],
        )
        cr.execute(
            "CREATE TEMP TABLE bench_partner AS "
            "SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM res_partner "
            "WHERE id = ANY(%s)",
            [partner_ids],
        )
        contracts = copy_rows(
            cr,
            "contract_contract",
            contract.id,
            customers - 1,
            {
                "partner_id": "(SELECT id FROM bench_partner WHERE n = s.g + 1)",
                "name": "'Hosting ' || (s.g + 1)",
            },
        )
        contract_ids = [contract.id, *contracts]
        cr.execute(
            "CREATE TEMP TABLE bench_contract AS "
            "SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM "
            "contract_contract WHERE id = ANY(%s)",
            [contract_ids],
        )
        # the three kinds of lines: due to renew, at their reminder, idle
        due_end = today + timedelta(days=59)  # deadline yesterday
        remind_end = today + timedelta(days=90)  # reminder today
        kinds = [
            (args.due, due_end),
            (args.remind, remind_end),
            (args.lines - 1 - args.due - args.remind, line.date_end),
        ]
        offset = 1
        for count, date_end in kinds:
            deadline = renewal_rules.notice_deadline(date_end, 60)
            reminder = deadline - timedelta(days=30)
            copy_rows(
                cr,
                "contract_line",
                line.id,
                count,
                {
                    "contract_id": "(SELECT id FROM bench_contract WHERE n = "
                    f"mod(s.g + {offset}, {customers}))",
                    "partner_id": "(SELECT c.partner_id FROM bench_contract b JOIN "
                    "contract_contract c ON c.id = b.id WHERE b.n = "
                    f"mod(s.g + {offset}, {customers}))",
                    "date_end": f"'{date_end}'::date",
                    "termination_notice_date": f"'{deadline}'::date",
                    "renewal_reminder_date": f"'{reminder}'::date",
                },
            )
            offset += count
        cr.execute("ANALYZE contract_line")
        cr.execute("SELECT count(*) FROM contract_line")
        total = cr.fetchone()[0]
    release(args.db)
    return total


def run(args, work, target, label):
    report = run_job(
        args,
        work,
        *target,
        "--count-sql=SELECT count(*) FROM contract_line WHERE previous_period_end "
        "IS NOT NULL OR predecessor_contract_line_id IS NOT NULL",
        f"--label={label}",
        tracemalloc=args.tracemalloc,
    )
    with environment(work) as env:
        env.cr.execute("SELECT count(*) FROM support_renewal_reminder")
        report["reminders"] = env.cr.fetchone()[0]
    release(work)
    return report


def limit_due(args, work, size):
    """Only ``size`` lines due to renew and ``size`` at their reminder day.

    The others of each kind are moved to mid-period (the idle lines' dates),
    so that one generated database serves several sizes of peak.
    """
    with environment(work) as env:
        cr = env.cr
        cr.execute(
            "SELECT date_end, termination_notice_date, renewal_reminder_date "
            "FROM contract_line ORDER BY id LIMIT 1"
        )
        idle = cr.fetchone()
        # the due and the reminded lines: each kind shares one end date
        cr.execute(
            "SELECT date_end FROM contract_line WHERE date_end != %s "
            "GROUP BY date_end HAVING count(*) > %s",
            [idle[0], size],
        )
        for (date_end,) in cr.fetchall():
            cr.execute(
                """
                UPDATE contract_line SET date_end = %s,
                       termination_notice_date = %s, renewal_reminder_date = %s
                 WHERE id IN (SELECT id FROM contract_line WHERE date_end = %s
                               ORDER BY id OFFSET %s)
                """,
                [*idle, date_end, size],
            )
        cr.execute("ANALYZE contract_line")
    release(work)


def row(report):
    renewed = report.get("count_delta", 0)
    return {
        "lines": report["dataset"]["contract_line"],
        "renewed": renewed,
        "reminders": report["reminders"],
        "wall_s": report["wall_s"],
        "queries": report["queries"],
        "queries_per_renewed_line": round(report["queries"] / renewed, 2)
        if renewed
        else None,
        "ms_per_renewed_line": round(1000 * report["wall_s"] / renewed, 2)
        if renewed
        else None,
        "tracemalloc_peak_mib": report.get("tracemalloc_peak_mib"),
        "rss_peak_mib": report["rss_peak_mib"],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_db_arguments(parser)
    parser.add_argument("--lines", type=int, default=50000)
    parser.add_argument("--due", type=int, default=5000)
    parser.add_argument("--remind", type=int, default=5000)
    parser.add_argument("--create-db", action="store_true")
    parser.add_argument("--tracemalloc", action="store_true")
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        help="peaks to measure: that many lines due and as many reminders "
        "(at most --due and --remind); default: all the generated ones",
    )
    parser.add_argument(
        "--repeat", type=int, default=1, help="rounds of runs; medians are reported"
    )
    args = parser.parse_args()
    configure_odoo(args)
    if args.create_db:
        create_database(args, args.db)
        generate(args)
    # no reminder owed: the renewal alone, beside OCA's
    no_reminder = "UPDATE contract_line SET renewal_reminder_date = NULL"
    runs = (
        ("support_terms", [f"--cron={CRON}"], None),
        ("support_terms_renewal_only", [f"--cron={CRON}"], no_reminder),
        ("oca", [f"--method={OCA_RENEWAL}"], None),
    )
    result = {}
    for size in args.sizes or [None]:
        rounds = {label: [] for label, _t, _b in runs}
        # one round runs each action once, one after the other, so that the
        # load of the machine weighs alike on the three
        for _round in range(args.repeat):
            for label, target, before in runs:
                work = f"{args.db}_{label}"
                copy_database(args, args.db, work)
                if size:
                    limit_due(args, work, size)
                if before:
                    with environment(work) as env:
                        env.cr.execute(before)
                    release(work)
                report = run(args, work, target, label)
                drop_database(args, work)
                rounds[label].append(row(report))
                print(json.dumps({"size": size, label: rounds[label][-1]}), flush=True)
        rows = {}
        for label, measured in rounds.items():
            rows[label] = dict(measured[len(measured) // 2])
            for figure in ("wall_s", "ms_per_renewed_line", "queries_per_renewed_line"):
                values = [m[figure] for m in measured if m[figure] is not None]
                if values:
                    rows[label][figure] = round(statistics.median(values), 3)
            rows[label]["runs_ms_per_renewed_line"] = [
                m["ms_per_renewed_line"] for m in measured
            ]
        for label in ("support_terms", "support_terms_renewal_only"):
            # speed against OCA's in the same round (above 1: faster), median
            speeds = [
                theirs["ms_per_renewed_line"] / mine["ms_per_renewed_line"]
                for mine, theirs in zip(rounds[label], rounds["oca"], strict=True)
                if mine["ms_per_renewed_line"] and theirs["ms_per_renewed_line"]
            ]
            if speeds:
                rows[f"speed_{label}_vs_oca_per_round"] = [round(x, 2) for x in speeds]
                rows[f"speed_{label}_vs_oca_median_of_rounds"] = round(
                    statistics.median(speeds), 2
                )
        oca = rows["oca"]
        for label in ("support_terms", "support_terms_renewal_only"):
            if rows[label]["renewed"] and oca["renewed"]:
                # speed per renewed line relative to OCA's (above 1: faster)
                rows[f"speed_{label}_vs_oca"] = round(
                    oca["ms_per_renewed_line"] / rows[label]["ms_per_renewed_line"], 3
                )
                # the same as a ratio of times per line, per round
                rows[f"ratio_{label}_to_oca_per_renewed_line"] = round(
                    rows[label]["ms_per_renewed_line"] / oca["ms_per_renewed_line"], 3
                )
        result[str(size or "all")] = rows
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
