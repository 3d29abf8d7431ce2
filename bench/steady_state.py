"""Costs that must stay flat: the plan in force of many customers, and an
hourly auto-close run with nothing due.

The tests check what users see; the query counts live here. On a database
with support_terms (``--create-db`` makes one, without demo data), it creates
``--sizes`` customers each with a contract line of the first plan's product,
then reports the SQL queries of reading ``support_plan_id`` for all of them at
once (it must not grow with their number), and of an auto-close run when the
previous run left nothing due (a running server's hourly cost: one query):

    python3 bench/steady_state.py --db st_bench_steady --create-db
"""

import argparse
from datetime import timedelta

from common import add_db_arguments, configure_odoo, create_database, environment

from odoo import fields


def queries(env, func):
    env.flush_all()
    before = env.cr.sql_log_count
    func()
    return env.cr.sql_log_count - before


def setup(env):
    """The hosting template's plans on a company with a chart of accounts."""
    company = env.company
    if not company.chart_template:
        env["account.chart.template"].try_loading(
            "generic_coa", company, install_demo=False
        )
    if not env["support.plan"].search_count([("product_ids", "!=", False)]):
        env["support.terms.template.apply"]._apply_template("hosting_credits", company)


def plan_lookup(env, size, tag):
    plan = env["support.plan"].search(
        [("product_ids", "!=", False)], order="sequence, id", limit=1
    )
    product = plan.product_ids[:1]
    customers = env["res.partner"].create(
        [{"name": f"Bench {tag} {i}", "is_company": True} for i in range(size)]
    )
    start = fields.Date.today() - timedelta(days=1)
    env["contract.contract"].create(
        [
            {
                "name": f"Bench {customer.name}",
                "line_recurrence": True,
                "partner_id": customer.id,
                "contract_line_ids": [
                    (
                        0,
                        0,
                        {
                            "product_id": product.id,
                            "name": product.name,
                            "recurring_rule_type": "yearly",
                            "quantity": 1,
                            "price_unit": 100,
                            "date_start": start,
                            "recurring_next_date": start,
                        },
                    )
                ],
            }
            for customer in customers
        ]
    )
    customers.invalidate_recordset()
    count = queries(env, lambda: customers.mapped("support_plan_id"))
    found = customers.mapped("support_plan_id")
    return count, found == plan


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_db_arguments(parser)
    parser.add_argument("--create-db", action="store_true")
    parser.add_argument("--sizes", default="30,300,3000")
    args = parser.parse_args()
    if args.create_db:
        create_database(args, args.db)
    configure_odoo(args)
    with environment(args.db) as env:
        setup(env)
        print("| customers | queries to read their plans | plan found |")
        print("| ---: | ---: | --- |")
        for size in map(int, args.sizes.split(",")):
            count, ok = plan_lookup(env, size, size)
            print(f"| {size:,} | {count} | {'yes' if ok else 'NO'} |")
        tickets = env["helpdesk.ticket"]
        tickets._cron_auto_close()
        tickets._cron_auto_close()  # caches warm, as in a running server
        idle = queries(env, tickets._cron_auto_close)
        print(f"\nauto-close run with nothing due: {idle} queries")
        env.cr.rollback()


if __name__ == "__main__":
    main()
