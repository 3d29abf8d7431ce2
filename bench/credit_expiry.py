"""Credit expiry on generated credit moves, through Odoo's own cron worker.

From a database with support_terms installed (any: generate.py's, or a fresh
one) it makes a copy and bulk-inserts with SQL ``--customers`` customers
(through the ORM, in batches) and ``--moves`` credit moves: half of them
packs bought (grants), each with one consumption of 3 of its 10 credits, and
``--expired`` of the packs past their expiry date. Then it runs
``support_terms_coverage.ir_cron_expire_credits`` through run.py and reports the wall
time, the SQL queries per pack expired and the peak memory:

    python3 bench/credit_expiry.py --db st_bench_10k --moves 100000 --expired 25000
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

CRON = "support_terms_coverage.ir_cron_expire_credits"
COUNT_SQL = "SELECT count(*) FROM support_credit_move WHERE move_type = 'expiry'"


def create_customers(env, count, batch=1000):
    partners = env["res.partner"].with_context(
        tracking_disable=True, mail_create_nolog=True
    )
    ids = []
    for start in range(0, count, batch):
        ids += partners.create(
            [
                {"name": f"Bench credit customer {index}", "is_company": True}
                for index in range(start, min(start + batch, count))
            ]
        ).ids
        env.cr.commit()
    return ids


def prepare(db, customers, moves, expired):
    """Customers, packs of 10 credits with a use of 3 each, some expired."""
    with environment(db) as env:
        cr = env.cr
        partner_ids = create_customers(env, customers)
        company_id = env.ref("base.main_company").id
        packs = moves // 2
        # packs: the first ``expired`` ones expired yesterday or before,
        # the others expire within the coming year
        cr.execute(
            """
            INSERT INTO support_credit_move
                (partner_id, company_id, date, move_type, quantity, remaining,
                 expiry_date, name, create_uid, write_uid, create_date, write_date)
            SELECT p.ids[1 + (n %% array_length(p.ids, 1))], %(company)s,
                   CURRENT_DATE - 400 + (n %% 300), 'grant', 10, 7,
                   CASE WHEN n < %(expired)s
                        THEN CURRENT_DATE - 1 - (n %% 30)
                        ELSE CURRENT_DATE + 1 + (n %% 360) END,
                   'Bench pack ' || n, 1, 1, now() at time zone 'utc',
                   now() at time zone 'utc'
              FROM generate_series(0, %(packs)s - 1) AS n,
                   (SELECT %(partners)s::int[] AS ids) AS p
            """,
            {
                "company": company_id,
                "expired": expired,
                "packs": packs,
                "partners": partner_ids,
            },
        )
        cr.execute(
            """
            INSERT INTO support_credit_move
                (partner_id, company_id, date, move_type, quantity, remaining,
                 pack_id, name, create_uid, write_uid, create_date, write_date)
            SELECT partner_id, company_id, date + 1, 'consumption', -3, 0, id,
                   'Bench use', 1, 1, now() at time zone 'utc',
                   now() at time zone 'utc'
              FROM support_credit_move WHERE move_type = 'grant'
            """
        )
        cr.execute("ANALYZE support_credit_move")
        cr.execute("SELECT count(*) FROM support_credit_move")
        total = cr.fetchone()[0]
    release(db)
    return total


def check(db):
    """One expiry per expired pack, each taking exactly what was left."""
    with environment(db) as env:
        env.cr.execute(
            """
            SELECT count(*), count(DISTINCT pack_id), coalesce(sum(quantity), 0)
              FROM support_credit_move WHERE move_type = 'expiry'
            """
        )
        expiries, packs, quantity = env.cr.fetchone()
        env.cr.execute(
            """
            SELECT count(*) FROM support_credit_move
             WHERE move_type = 'grant' AND expiry_date < CURRENT_DATE
               AND remaining != 0
            """
        )
        left = env.cr.fetchone()[0]
    release(db)
    return {
        "expiry_moves": expiries,
        "packs_expired": packs,
        "credits_expired": float(quantity),
        "expired_packs_left": left,
    }


def run_cron(args, db, label, tracemalloc=False, cron=CRON, count_sql=COUNT_SQL):
    """run.py on ``db``: its JSON report."""
    return run_job(
        args,
        db,
        f"--cron={cron}",
        f"--count-sql={count_sql}",
        f"--label={label}",
        tracemalloc=tracemalloc,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_db_arguments(parser)
    parser.add_argument("--customers", type=int, default=5000)
    parser.add_argument("--moves", type=int, default=100000)
    parser.add_argument("--expired", type=int, default=25000)
    parser.add_argument("--tracemalloc", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the copy")
    args = parser.parse_args()
    configure_odoo(args)
    work = f"{args.db}_credexp"
    copy_database(args, args.db, work)
    total = prepare(work, args.customers, args.moves, args.expired)
    report = run_cron(args, work, f"credit expiry, {total} moves", args.tracemalloc)
    result = check(work)
    # a second run finds nothing to do
    again = run_cron(args, work, "credit expiry, second run")
    if not args.keep:
        drop_database(args, work)
    expired = report.get("count_delta", 0)
    row = {
        "credit_moves": total,
        "packs_expired": expired,
        "wall_s": report["wall_s"],
        "queries": report["queries"],
        "sql_s": report["sql_s"],
        "queries_per_pack_expired": round(report["queries"] / expired, 3)
        if expired
        else None,
        "tracemalloc_peak_mib": report.get("tracemalloc_peak_mib"),
        "rss_peak_mib": report["rss_peak_mib"],
        "rss_growth_mib": report["rss_growth_mib"],
        "second_run_expired": again.get("count_delta"),
        "second_run_wall_s": again["wall_s"],
        **result,
    }
    print(json.dumps(row, indent=2))


if __name__ == "__main__":
    main()
