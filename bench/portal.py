"""Portal pages of a large customer and the staff ticket list, over HTTP.

On a copy of a generated database (bench/generate.py) it adds two customers
with a portal user each: a large one (``--services`` contract lines in force,
``--tickets`` tickets) and a small one (a tenth of both), so that a page whose
queries grow with the customer's services or tickets shows it. Then it starts
Odoo's HTTP server (a subprocess, ``--workers=0``, no cron), logs in over
HTTP and requests each page ``--repeat`` times:

- as each portal user: "My services" (/my/services), "My support"
  (/my/support), the tickets list (/my/tickets) and the page of its latest
  ticket (/my/ticket/<id>);
- as a support agent: the staff ticket list, i.e. a ``search_read`` of the
  fields of the ticket list view (the view as the web client gets it,
  ``get_views``), 80 rows, through /web/dataset/call_kw, sorted by the
  SLA deadline when the database can sort by it, else by the list's own
  order (see ``--order``).

SQL queries per request are counted by the server itself: Odoo's HTTP layer
resets the thread's query counter when a request starts and its werkzeug log
line ends with "<queries> <SQL seconds> <other seconds>" for that request
(``odoo.netsvc.PerfFilter``); the server runs with ``werkzeug`` logging at
INFO to a log file, which the script reads back request by request. The
first request of a page fills the server's caches (views, assets' URLs,
ormcache): the figures are the median time and the queries of the later
ones.

    python3 bench/portal.py --db st_bench_10k
"""

import argparse
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from datetime import timedelta

import requests
from common import (
    REPO_ROOT,
    add_db_arguments,
    configure_odoo,
    copy_database,
    drop_database,
    environment,
    module_dirs,
    release,
)
from generate import QUIET, batched

from odoo import fields

PASSWORD = "bench-portal-1"
AGENT_PASSWORD = "bench-agent-1"
# "GET /my/services HTTP/1.1" 200 - 25 0.012 0.034
LOG_LINE = re.compile(
    r'"(?P<method>[A-Z]+) (?P<path>\S+) HTTP/[\d.]+" (?P<status>\d+) \S+ '
    r"(?P<queries>\d+) (?P<sql>[\d.]+) (?P<other>[\d.]+)"
)


# -- the data -----------------------------------------------------------------


def make_customer(env, name, services, tickets):
    """A company with a portal user, ``services`` lines in force, tickets."""
    env = env(context=dict(env.context, **QUIET))
    company = env.ref("base.main_company")
    partner = env["res.partner"].create(
        {
            "name": name,
            "is_company": True,
            "email": f"{name.lower().replace(' ', '.')}@bench.example.com",
            "lang": "it_IT",
        }
    )
    login = f"{name.lower().replace(' ', '_')}@bench.example.com"
    user = (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            {
                "name": name,
                "login": login,
                "password": PASSWORD,
                "partner_id": partner.id,
                "groups_id": [(6, 0, [env.ref("base.group_portal").id])],
                "company_id": company.id,
                "company_ids": [(6, 0, company.ids)],
            }
        )
    )
    # the plan-granting products of the generated data, then any service
    products = env["product.product"].browse(
        env["ir.model.data"]
        .search(
            [
                ("module", "=", "__support_terms_template__"),
                ("name", "=like", f"terms_{company.id}_hosting_credits_product_%"),
            ]
        )
        .mapped("res_id")
    )
    today = company._support_today()
    for chunk in batched(range(services), 100):
        env["contract.contract"].create(
            {
                "name": f"{name} services {chunk[0]}",
                "partner_id": partner.id,
                "company_id": company.id,
                "contract_type": "sale",
                "line_recurrence": True,
                "contract_line_ids": [
                    (
                        0,
                        0,
                        {
                            "product_id": products[n % len(products)].id,
                            "name": f"Servizio {n}",
                            "quantity": 1,
                            "price_unit": 100,
                            "recurring_rule_type": "yearly",
                            "recurring_interval": 1,
                            "recurring_invoicing_type": "pre-paid",
                            "date_start": today - timedelta(days=30 + n % 300),
                            "date_end": today + timedelta(days=35 + n % 300),
                            "is_auto_renew": True,
                            "auto_renew_interval": 1,
                            "auto_renew_rule_type": "yearly",
                            "termination_notice_interval": 1,
                            "termination_notice_rule_type": "monthly",
                        },
                    )
                    for n in chunk
                ],
            }
        )
    team = env["helpdesk.ticket.team"].search(
        [("company_id", "=", company.id)], order="id", limit=1
    )
    stages = team._get_applicable_stages()
    for chunk in batched(range(tickets), 500):
        env["helpdesk.ticket"].create(
            [
                {
                    "name": f"Richiesta {n} di {name}",
                    "description": f"<p>Richiesta {n}: il sito è lento.</p>",
                    "partner_id": partner.id,
                    "partner_name": name,
                    "partner_email": partner.email,
                    "team_id": team.id,
                    "stage_id": stages[n % len(stages)].id,
                    "company_id": company.id,
                }
                for n in chunk
            ]
        )
    env.flush_all()
    last = env["helpdesk.ticket"].search(
        [("partner_id", "=", partner.id)], order="id desc", limit=1
    )
    # the customer's request: its own email and a reply, as the page shows
    last.with_context(mail_notify_force_send=False).message_post(
        body="<p>Il sito è lento da stamattina.</p>",
        author_id=partner.id,
        message_type="email",
        subtype_xmlid="mail.mt_comment",
    )
    return {"login": login, "user_id": user.id, "ticket_id": last.id}


def prepare(args, db):
    copy_database(args, args.db, db)
    with environment(db) as env:
        customers = {
            "large": make_customer(env, "Cliente Grande", args.services, args.tickets),
            "small": make_customer(
                env, "Cliente Piccolo", args.services // 10, args.tickets // 10
            ),
        }
        agent = env["res.users"].search([("login", "=like", "bench_agent_%")], limit=1)
        agent.password = AGENT_PASSWORD
        customers["agent"] = {"login": agent.login, "user_id": agent.id}
        env.cr.execute("ANALYZE")
    release(db)
    return customers


# -- the server ---------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(args, db, port, logfile):
    command = [
        sys.executable,
        "-m",
        "odoo",
        f"--database={db}",
        f"--db-filter=^{db}$",
        f"--db_host={args.db_host}",
        f"--db_port={args.db_port}",
        f"--db_user={args.db_user}",
        f"--addons-path={module_dirs()}",
        f"--http-port={port}",
        "--http-interface=127.0.0.1",
        "--workers=0",
        "--max-cron-threads=0",
        "--log-level=warn",
        "--log-handler=werkzeug:INFO",
        f"--logfile={logfile}",
    ]
    server = subprocess.Popen(command, cwd=REPO_ROOT)
    url = f"http://127.0.0.1:{port}"
    for _attempt in range(240):
        try:
            requests.get(f"{url}/web/health", timeout=5)
            return server, url
        except requests.RequestException:
            if server.poll() is not None:
                raise SystemExit("the Odoo server did not start") from None
            time.sleep(0.5)
    server.terminate()
    raise SystemExit("the Odoo server did not answer")


class LogReader:
    """The server's log file, read line by line as requests end."""

    def __init__(self, path):
        self.path = path
        self.offset = 0

    def request_line(self, path, timeout=10.0):
        """The next logged request line for ``path``."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            with open(self.path) as log:
                log.seek(self.offset)
                text = log.read()
            consumed = 0
            for line in text.splitlines(keepends=True):
                if not line.endswith("\n"):
                    break
                consumed += len(line)
                match = LOG_LINE.search(line)
                if match and match["path"].split("?")[0] == path:
                    self.offset += consumed
                    return match
            time.sleep(0.05)
        raise SystemExit(f"no log line for {path}")


def login(url, db, user_login, password):
    session = requests.Session()
    response = session.post(
        f"{url}/web/session/authenticate",
        json={
            "jsonrpc": "2.0",
            "params": {"db": db, "login": user_login, "password": password},
        },
        timeout=60,
    )
    response.raise_for_status()
    if response.json().get("error"):
        raise SystemExit(f"login of {user_login} failed: {response.json()['error']}")
    return session


def call_kw(session, url, model, method, args, kwargs):
    response = session.post(
        f"{url}/web/dataset/call_kw/{model}/{method}",
        json={
            "jsonrpc": "2.0",
            "params": {
                "model": model,
                "method": method,
                "args": args,
                "kwargs": kwargs,
            },
        },
        timeout=300,
    )
    response.raise_for_status()
    body = response.json()
    if body.get("error"):
        raise SystemExit(f"{model}.{method}: {body['error']['data']['message']}")
    return body["result"]


def timed(log, repeat, path, request):
    """``request()`` ``repeat`` times: client time, server queries, status."""
    rows = []
    for _n in range(repeat):
        start = time.perf_counter()
        response = request()
        wall = time.perf_counter() - start
        line = log.request_line(path)
        rows.append(
            {
                "ms": 1000 * wall,
                "queries": int(line["queries"]),
                "sql_ms": 1000 * float(line["sql"]),
                "status": int(line["status"]),
                "bytes": len(response.content),
            }
        )
    warm = rows[1:] or rows
    return {
        "first_ms": round(rows[0]["ms"], 1),
        "first_queries": rows[0]["queries"],
        "ms_median": round(statistics.median(r["ms"] for r in warm), 1),
        "queries": sorted({r["queries"] for r in warm}),
        "sql_ms_median": round(statistics.median(r["sql_ms"] for r in warm), 1),
        "status": sorted({r["status"] for r in rows}),
        "kib": round(rows[-1]["bytes"] / 1024, 1),
    }


def final_path(session, url, path, log):
    """The page's own address: the website redirects to the user's language
    (/it/my/services), which would count two requests."""
    response = session.get(f"{url}{path}", allow_redirects=False, timeout=300)
    log.request_line(path)
    if response.is_redirect:
        target = urllib.parse.urlsplit(response.headers["Location"]).path
        session.get(f"{url}{target}", timeout=300)
        log.request_line(target)
        return target
    return path


def list_view_fields(session, url):
    views = call_kw(
        session,
        url,
        "helpdesk.ticket",
        "get_views",
        [],
        {"views": [[False, "list"]], "options": {}},
    )
    arch = views["views"]["list"]["arch"]
    names = re.findall(r'<field name="([^"]+)"', arch)
    known = views["models"]["helpdesk.ticket"]["fields"]
    return [name for name in dict.fromkeys(names) if name in known], known


def bench(args, db, people):
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        logfile = os.path.join(tmp, "odoo.log")
        open(logfile, "w").close()
        server, url = start_server(args, db, port, logfile)
        try:
            log = LogReader(logfile)
            results = {}
            for who in ("large", "small"):
                person = people[who]
                session = login(url, db, person["login"], PASSWORD)
                log.request_line("/web/session/authenticate")
                pages = {
                    "My services": "/my/services",
                    "My support": "/my/support",
                    "tickets list": "/my/tickets",
                    "ticket page": f"/my/ticket/{person['ticket_id']}",
                }
                for page, path in pages.items():
                    path = final_path(session, url, path, log)
                    results[f"{who}: {page}"] = timed(
                        log,
                        args.repeat,
                        path,
                        lambda path=path, session=session: session.get(
                            f"{url}{path}", timeout=300
                        ),
                    )
                    print(page, who, results[f"{who}: {page}"], flush=True)
            agent = login(url, db, people["agent"]["login"], AGENT_PASSWORD)
            log.request_line("/web/session/authenticate")
            names, known = list_view_fields(agent, url)
            log.request_line("/web/dataset/call_kw/helpdesk.ticket/get_views")
            order = args.order
            if not known.get(order.split()[0], {}).get("sortable"):
                results["staff list order"] = (
                    f"{order} cannot be sorted on (not stored): list order used"
                )
                order = None
            path = "/web/dataset/call_kw/helpdesk.ticket/search_read"
            kwargs = {"fields": names, "limit": 80}
            if order:
                kwargs["order"] = order
            results["staff: ticket list (80 rows)"] = timed(
                log,
                args.repeat,
                path,
                lambda: agent.post(
                    f"{url}{path}",
                    json={
                        "jsonrpc": "2.0",
                        "params": {
                            "model": "helpdesk.ticket",
                            "method": "search_read",
                            "args": [[]],
                            "kwargs": kwargs,
                        },
                    },
                    timeout=300,
                ),
            )
            results["staff list fields"] = names
            results["staff list order used"] = order or "the list's default"
            print(results["staff: ticket list (80 rows)"], flush=True)
        finally:
            server.terminate()
            server.wait(timeout=60)
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_db_arguments(parser)
    parser.add_argument("--services", type=int, default=300)
    parser.add_argument("--tickets", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=6)
    parser.add_argument("--order", default="sla_deadline")
    parser.add_argument("--keep", action="store_true", help="keep the copy")
    parser.add_argument("--reuse", action="store_true", help="reuse the kept copy")
    parser.add_argument("--json", help="also write the report to this file")
    args = parser.parse_args()
    configure_odoo(args)
    db = f"{args.db}_portal"
    people_file = os.path.join(tempfile.gettempdir(), f"{db}.json")
    if args.reuse:
        with open(people_file) as file:
            people = json.load(file)
    else:
        people = prepare(args, db)
        with open(people_file, "w") as file:
            json.dump(people, file)
    report = {"db": args.db, "people": people, "generated": str(fields.Date.today())}
    report["pages"] = bench(args, db, people)
    if not args.keep:
        drop_database(args, db)
    width = max(len(name) for name in report["pages"])
    print(f"\n{'page':<{width}}  first ms/q   warm ms (median)  queries")
    for name, row in report["pages"].items():
        if isinstance(row, dict):
            print(
                f"{name:<{width}}  {row['first_ms']:>7}/{row['first_queries']:<4} "
                f"{row['ms_median']:>10}        {row['queries']}  {row['status']}"
            )
        else:
            print(f"{name:<{width}}  {row}")
    if args.json:
        with open(args.json, "w") as out:
            json.dump(report, out, indent=2)
            out.write("\n")


if __name__ == "__main__":
    main()
