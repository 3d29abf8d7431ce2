"""Charge invoicing on generated pending charges, through Odoo's own cron worker.

From a database with support_terms installed (and a chart of accounts), it
makes a copy with ``--customers`` customers (through the ORM, in batches) and
``--charges`` pending fixed-fee charges, one per ticket, spread evenly over
the customers (tickets and charges bulk-inserted with SQL). Then it runs
``support_terms_coverage.ir_cron_invoice_charges`` through run.py, checks that every
charge has exactly one invoice line and every customer one draft invoice, runs
it a second time (nothing to do) and reports the wall time, the SQL queries
per charge invoiced and the peak memory:

    python3 bench/charge_invoicing.py --db st_bench_10k --charges 20000 --customers 2000
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
)
from credit_expiry import create_customers, run_cron

CRON = "support_terms_coverage.ir_cron_invoice_charges"
COUNT_SQL = "SELECT count(*) FROM account_move_line WHERE support_charge_id IS NOT NULL"


def prepare(db, customers, charges):
    with environment(db) as env:
        cr = env.cr
        partner_ids = create_customers(env, customers)
        company = env.ref("base.main_company")
        team = env["helpdesk.ticket.team"].create({"name": "Bench charges"})
        product = env["product.product"].create(
            {"name": "Bench fixed fee", "type": "service", "list_price": 25.0}
        )
        stage = env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new")
        cr.execute(
            """
            INSERT INTO helpdesk_ticket
                (number, name, description, company_id, partner_id,
                 commercial_partner_id, team_id, stage_id, active, priority,
                 kanban_state, coverage, create_uid, write_uid, create_date,
                 write_date)
            SELECT 'BENCH' || lpad(n::text, 6, '0'), 'Bench request ' || n,
                   '<p>.</p>', %(company)s, p.ids[1 + (n %% array_length(p.ids, 1))],
                   p.ids[1 + (n %% array_length(p.ids, 1))], %(team)s,
                   %(stage)s, true, '1', 'normal', 'extra', 1, 1,
                   now() at time zone 'utc', now() at time zone 'utc'
              FROM generate_series(0, %(charges)s - 1) AS n,
                   (SELECT %(partners)s::int[] AS ids) AS p
            """,
            {
                "company": company.id,
                "team": team.id,
                "stage": stage.id,
                "charges": charges,
                "partners": partner_ids,
            },
        )
        cr.execute(
            """
            INSERT INTO support_ticket_charge
                (ticket_id, partner_id, company_id, kind, product_id, quantity,
                 price_unit, name, state, create_uid, write_uid, create_date,
                 write_date)
            SELECT id, partner_id, company_id, 'channel', %s, 1, 25,
                   'Request on a channel outside the plan', 'to_invoice', 1, 1,
                   now() at time zone 'utc', now() at time zone 'utc'
              FROM helpdesk_ticket WHERE team_id = %s
            """,
            [product.id, team.id],
        )
        cr.execute("ANALYZE support_ticket_charge")
        cr.execute("ANALYZE helpdesk_ticket")
    release(db)


def check(db):
    with environment(db) as env:
        env.cr.execute(
            """
            SELECT count(*), count(DISTINCT c.id), count(DISTINCT l.move_id),
                   count(DISTINCT m.partner_id),
                   count(*) FILTER (WHERE c.state != 'invoiced'),
                   count(*) FILTER (WHERE position(t.number in l.name) = 0)
              FROM support_ticket_charge c
              JOIN helpdesk_ticket t ON t.id = c.ticket_id
              LEFT JOIN account_move_line l ON l.support_charge_id = c.id
              LEFT JOIN account_move m ON m.id = l.move_id
            """
        )
        rows, charges, invoices, customers, pending, unnamed = env.cr.fetchone()
    release(db)
    return {
        "charges": charges,
        "charge_rows_with_lines": rows,
        "invoices": invoices,
        "customers_invoiced": customers,
        "charges_not_invoiced": pending,
        "lines_without_ticket_number": unnamed,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_db_arguments(parser)
    parser.add_argument("--customers", type=int, default=2000)
    parser.add_argument("--charges", type=int, default=20000)
    parser.add_argument("--tracemalloc", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the copy")
    args = parser.parse_args()
    configure_odoo(args)
    work = f"{args.db}_charges"
    copy_database(args, args.db, work)
    prepare(work, args.customers, args.charges)
    report = run_cron(
        args,
        work,
        f"charge invoicing, {args.charges} charges",
        args.tracemalloc,
        cron=CRON,
        count_sql=COUNT_SQL,
    )
    result = check(work)
    again = run_cron(
        args, work, "charge invoicing, second run", cron=CRON, count_sql=COUNT_SQL
    )
    if not args.keep:
        drop_database(args, work)
    invoiced = report.get("count_delta", 0)
    row = {
        "pending_charges": args.charges,
        "customers": args.customers,
        "charges_invoiced": invoiced,
        "wall_s": report["wall_s"],
        "queries": report["queries"],
        "sql_s": report["sql_s"],
        "queries_per_charge": round(report["queries"] / invoiced, 3)
        if invoiced
        else None,
        "tracemalloc_peak_mib": report.get("tracemalloc_peak_mib"),
        "rss_peak_mib": report["rss_peak_mib"],
        "rss_growth_mib": report["rss_growth_mib"],
        "second_run_invoiced": again.get("count_delta"),
        **result,
    }
    print(json.dumps(row, indent=2))


if __name__ == "__main__":
    main()
