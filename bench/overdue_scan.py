"""Overdue scan: the suspension action on 100,000 posted invoices.

Makes a database with ``--customers`` customers (a company each, with one
hosting contract line in progress) and ``--invoices`` posted customer
invoices spread evenly over them, ``--overdue`` of them (a fraction) unpaid
past their due date, the others paid. The ORM creates one template of each
(customer, contract, line, posted invoice); the rest are copies made with
bulk SQL ``INSERT ... SELECT`` (the ORM posts about 40 invoices a second,
see README.md). Then ``support_terms_suspension.ir_cron_overdue_suspension`` runs
through run.py (Odoo's own cron worker) on a fresh copy, twice: the first run
suspends, the second must find nothing to do.

    python3 bench/overdue_scan.py --db st_bench_overdue --create-db \
        --customers 20000 --invoices 100000 --overdue 0.05

The report gives the wall time, the SQL queries per suspended customer and
per batch, and the peak memory. With ``--reactivate``, every overdue invoice
is then marked paid (SQL, no payment hook) and a third run reactivates the
customers and creates their fee invoices.
"""

import argparse
import json
import time
from datetime import timedelta

from common import (
    add_db_arguments,
    clone,
    configure_odoo,
    copy_database,
    create_database,
    drop_database,
    environment,
    odoo_command,
    release,
    run_job,
)

from odoo import Command, fields

CRON = "support_terms_suspension.ir_cron_overdue_suspension"
BATCH_PARAM = "support_terms.overdue_suspension_batch_size"


def update_module(args):
    """The database's support_terms brought up to this working tree's."""
    odoo_command(args, args.db, "-u", "support_terms")


def templates(env, today):
    """One customer, contract line and posted invoice made by the ORM."""
    company = env.company
    if not env["account.account"].search_count([("company_ids", "in", company.ids)]):
        env["account.chart.template"].try_loading(
            "generic_coa", company, install_demo=False
        )
    # suspension and fee are off until a company turns them on
    fee = env.ref("support_terms_suspension.product_reactivation_fee")
    if company.account_sale_tax_id:
        fee.taxes_id |= company.account_sale_tax_id
    company.write(
        {
            "support_overdue_suspension": True,
            "support_reactivation_fee_product_id": fee.id,
        }
    )
    partner = env["res.partner"].create(
        {"name": "Bench template customer", "is_company": True, "email": "t@b.example"}
    )
    product = env["product.product"].create(
        {"name": "Hosting (bench)", "type": "service", "list_price": 120.0}
    )
    contract = env["contract.contract"].create(
        {
            "name": "Bench template contract",
            "partner_id": partner.id,
            "line_recurrence": True,
            "contract_line_ids": [
                Command.create(
                    {
                        "product_id": product.id,
                        "name": "Hosting",
                        "quantity": 1,
                        "price_unit": 120.0,
                        "recurring_rule_type": "yearly",
                        "recurring_interval": 1,
                        "date_start": today - timedelta(days=200),
                    }
                )
            ],
        }
    )
    invoice = env["account.move"].create(
        {
            "move_type": "out_invoice",
            "partner_id": partner.id,
            "invoice_date": today - timedelta(days=100),
            "invoice_date_due": today - timedelta(days=70),
            "invoice_payment_term_id": False,
            "invoice_line_ids": [
                Command.create(
                    {"product_id": product.id, "quantity": 1, "price_unit": 120.0}
                )
            ],
        }
    )
    invoice.action_post()
    return partner, contract, invoice


def fill(args):
    """Customers, contracts and invoices, copied from the templates with SQL."""
    timings = {}
    with environment(args.db, {"tracking_disable": True}) as env:
        cr = env.cr
        cr.execute("SELECT count(*) FROM res_partner WHERE ref LIKE 'BENCH-%%'")
        if cr.fetchone()[0]:
            if not args.reuse:
                raise SystemExit(f"{args.db} already holds generated data")
            cr.execute(
                "SELECT count(*), count(DISTINCT commercial_partner_id) "
                "FROM account_move WHERE ref LIKE 'BENCH/%%' "
                "AND payment_state = 'not_paid'"
            )
            overdue, overdue_customers = cr.fetchone()
            return {}, overdue, overdue_customers
        start = time.perf_counter()
        today = fields.Date.context_today(env["res.partner"])
        partner, contract, invoice = templates(env, today)
        env.flush_all()
        timings["templates (ORM)"] = time.perf_counter() - start

        start = time.perf_counter()
        count = clone(
            cr,
            "res_partner",
            f"t.id = {partner.id}",
            f"SELECT generate_series(1, {args.customers}) AS n",
            {
                "name": "'Bench customer ' || s.n",
                "complete_name": "'Bench customer ' || s.n",
                "ref": "'BENCH-' || s.n",
                "email": "'c' || s.n || '@bench.example'",
            },
        )
        cr.execute(
            "UPDATE res_partner SET commercial_partner_id = id "
            "WHERE ref LIKE 'BENCH-%%'"
        )
        timings[f"customers ({count})"] = time.perf_counter() - start

        start = time.perf_counter()
        customers = "SELECT id AS pid FROM res_partner WHERE ref LIKE 'BENCH-%'"
        count = clone(
            cr,
            "contract_contract",
            f"t.id = {contract.id}",
            customers,
            {
                "name": "'Bench contract ' || s.pid",
                "code": "'BENCH-' || s.pid",
                "partner_id": "s.pid",
                "commercial_partner_id": "s.pid",
                "invoice_partner_id": "s.pid",
            },
        )
        clone(
            cr,
            "contract_line",
            f"t.contract_id = {contract.id}",
            "SELECT id AS cid, partner_id AS pid FROM contract_contract "
            "WHERE code LIKE 'BENCH-%'",
            {"contract_id": "s.cid", "partner_id": "s.pid"},
        )
        timings[f"contracts with one line ({count})"] = time.perf_counter() - start

        start = time.perf_counter()
        per_customer = max(1, args.invoices // args.customers)
        cr.execute("SELECT setseed(0.42)")
        cr.execute(
            f"""
            CREATE TEMP TABLE bench_invoice AS
            SELECT p.pid, g.k, 'BENCH/' || p.pid || '/' || g.k AS ref,
                   row_number() OVER (ORDER BY p.pid, g.k) AS seq,
                   random() < {args.overdue} AS overdue
              FROM ({customers}) p, generate_series(1, {per_customer}) g(k)
            """
        )
        count = clone(
            cr,
            "account_move",
            f"t.id = {invoice.id}",
            "SELECT * FROM bench_invoice",
            {
                # numbered after the template in its sequence, as Odoo would:
                # the next invoice's number is then found through the index
                "name": "t.sequence_prefix || lpad((t.sequence_number + s.seq)::text, "
                "6, '0')",
                "sequence_number": "t.sequence_number + s.seq",
                "ref": "s.ref",
                "partner_id": "s.pid",
                "commercial_partner_id": "s.pid",
                "payment_state": "CASE WHEN s.overdue THEN 'not_paid' ELSE 'paid' END",
                "amount_residual": "CASE WHEN s.overdue THEN t.amount_residual "
                "ELSE 0 END",
                "amount_residual_signed": "CASE WHEN s.overdue "
                "THEN t.amount_residual_signed ELSE 0 END",
            },
        )
        clone(
            cr,
            "account_move_line",
            f"t.move_id = {invoice.id}",
            "SELECT m.id AS mid, m.partner_id AS pid, m.name AS mname "
            "FROM account_move m WHERE m.ref LIKE 'BENCH/%'",
            {"move_id": "s.mid", "partner_id": "s.pid", "move_name": "s.mname"},
        )
        timings[f"posted invoices with their lines ({count})"] = (
            time.perf_counter() - start
        )
        # the templates are no customers of the benchmark
        cr.execute(
            "UPDATE account_move SET payment_state = 'paid' WHERE id = %s",
            [invoice.id],
        )
        cr.execute("SELECT count(*) FROM bench_invoice WHERE overdue")
        overdue = cr.fetchone()[0]
        cr.execute("SELECT count(DISTINCT pid) FROM bench_invoice WHERE overdue")
        overdue_customers = cr.fetchone()[0]
    with environment(args.db) as env:
        env.cr.execute("ANALYZE")
    return timings, overdue, overdue_customers


def run(args, db, label):
    return run_job(
        args,
        db,
        f"--cron={CRON}",
        f"--label={label}",
        "--count-sql=SELECT count(*) FROM support_service_suspension",
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_db_arguments(parser)
    parser.add_argument("--create-db", action="store_true")
    parser.add_argument("--customers", type=int, default=20000)
    parser.add_argument("--invoices", type=int, default=100000)
    parser.add_argument("--overdue", type=float, default=0.05)
    parser.add_argument("--batch", type=int, default=500, help="invoices per batch")
    parser.add_argument(
        "--reactivate",
        action="store_true",
        help="then pay every overdue invoice and run the action a third time",
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="run on a database this script already filled (no new data)",
    )
    parser.add_argument("--json", help="also write the report to this file")
    args = parser.parse_args()
    configure_odoo(args)
    if args.create_db:
        create_database(args, args.db)
    else:
        update_module(args)
    timings, overdue, overdue_customers = fill(args)
    for kind, seconds in timings.items():
        print(f"{kind:<45} {seconds:8.1f} s", flush=True)
    with environment(args.db) as env:
        env["ir.config_parameter"].set_param(BATCH_PARAM, args.batch)
    release(args.db)
    db = f"{args.db}_run"
    copy_database(args, args.db, db)
    first = run(args, db, "overdue scan")
    second = run(args, db, "overdue scan, second run")
    third = None
    if args.reactivate:
        # every overdue invoice paid behind the action's back (as a bank
        # statement imported without reconciliation hooks would): the action
        # reactivates and invoices one fee per suspension
        with environment(db) as env:
            env.cr.execute(
                "UPDATE account_move SET payment_state = 'paid', "
                "amount_residual = 0, amount_residual_signed = 0 "
                "WHERE ref LIKE 'BENCH/%%' AND payment_state = 'not_paid'"
            )
        release(db)
        third = run(args, db, "reactivation")
    drop_database(args, db)
    suspended = first.get("count_delta", 0)
    batches = first.get("callbacks") or 1
    report = {
        "invoices": args.invoices,
        "customers": args.customers,
        "overdue_invoices": overdue,
        "overdue_customers": overdue_customers,
        "suspended_customers": suspended,
        "batch": args.batch,
        "batches": batches,
        "wall_s": first["wall_s"],
        "queries": first["queries"],
        "sql_s": first["sql_s"],
        "queries_per_suspended_customer": round(first["queries"] / suspended, 2)
        if suspended
        else None,
        "queries_per_batch": round(first["queries"] / batches, 1),
        "rss_peak_mib": first["rss_peak_mib"],
        "rss_growth_mib": first["rss_growth_mib"],
        "second_run_wall_s": second["wall_s"],
        "second_run_queries": second["queries"],
        "second_run_new_suspensions": second.get("count_delta"),
        "status": [first.get("status"), second.get("status")],
    }
    if third:
        report.update(
            {
                "reactivation_wall_s": third["wall_s"],
                "reactivation_queries": third["queries"],
                "reactivation_sql_s": third["sql_s"],
                "reactivation_queries_per_customer": round(
                    third["queries"] / suspended, 2
                )
                if suspended
                else None,
                "reactivation_rss_peak_mib": third["rss_peak_mib"],
                "reactivation_status": third.get("status"),
                "reactivation_callbacks": third.get("callbacks"),
            }
        )
    for key, value in report.items():
        print(f"{key:<34} {value}")
    if args.json:
        with open(args.json, "w") as out:
            json.dump(report, out, indent=2)


if __name__ == "__main__":
    main()
