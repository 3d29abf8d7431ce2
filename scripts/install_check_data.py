"""Data and checks of scripts/install_check (run with Odoo importable).

python3 scripts/install_check_data.py CONF DB prepare
    on a database holding only what support_terms depends on: a provider
    already working in Odoo (customers paying late, auto-renewing
    services near their reminder day, requests), and a snapshot of what
    its customers have, in the table install_check_snapshot.
python3 scripts/install_check_data.py CONF DB check
    after support_terms was installed: runs every active scheduled
    action twice, as the cron worker does (one commit per call), then
    compares with the snapshot; prints what changed and exits 1 if
    anything did.
"""

import json
import sys
from datetime import timedelta

import odoo
from odoo import SUPERUSER_ID, Command, api, fields
from odoo.tools import config

# scheduled actions that reach the outside world, not the customers' records
SKIPPED_CRONS = ("mail.ir_cron_module_update_notification",)
# where a note or an email to a customer would be written
CUSTOMER_MODELS = (
    "res.partner",
    "account.payment",
    "helpdesk.ticket",
    "contract.contract",
    "contract.line",
    "account.move",
)


def _invoice(env, partner, product, invoice_date, due):
    move = env["account.move"].create(
        {
            "move_type": "out_invoice",
            "partner_id": partner.id,
            "invoice_date": invoice_date,
            "invoice_date_due": due,
            "invoice_payment_term_id": False,
            "invoice_line_ids": [
                Command.create(
                    {
                        "product_id": product.id,
                        "quantity": 1,
                        "price_unit": 100.0,
                        "tax_ids": [Command.clear()],
                    }
                )
            ],
        }
    )
    move.action_post()
    return move


def _pay(env, invoice, on_date):
    env["account.payment.register"].with_context(
        active_model="account.move", active_ids=invoice.ids
    ).create({"payment_date": on_date})._create_payments()


def prepare(env):
    company = env.company
    if not env["account.account"].search_count(
        [("company_ids", "in", company.ids)], limit=1
    ):
        env["account.chart.template"].try_loading(
            "generic_coa", company, install_demo=False
        )
    today = fields.Date.context_today(env.user)
    product = env["product.product"].create(
        {"name": "Hosting annuale", "type": "service", "list_price": 100.0}
    )
    team = env["helpdesk.ticket.team"].create({"name": "Assistenza"})
    customers = env["res.partner"]
    for name in ("Rossi Srl", "Bianchi Snc", "Verdi Spa"):
        customer = env["res.partner"].create(
            {
                "name": name,
                "is_company": True,
                "email": f"{name.split()[0].lower()}@example.com",
            }
        )
        customers |= customer
        # an auto-renewing service whose reminder day (30 days before the
        # last day to cancel) is past, not yet due to renew
        env["contract.contract"].create(
            {
                "name": f"{name} hosting",
                "partner_id": customer.id,
                "line_recurrence": True,
                "contract_line_ids": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "name": "Hosting annuale",
                            "quantity": 1,
                            "price_unit": 100.0,
                            "recurring_rule_type": "yearly",
                            "recurring_interval": 1,
                            "date_start": today - timedelta(days=320),
                            "date_end": today + timedelta(days=44),
                            # this year's invoice already issued
                            "last_date_invoiced": today + timedelta(days=44),
                            "is_auto_renew": True,
                            "auto_renew_interval": 1,
                            "auto_renew_rule_type": "yearly",
                        }
                    )
                ],
            }
        )
        env["helpdesk.ticket"].create(
            {
                "name": f"Sito di {name} lento",
                "description": "<p>Il sito è lento.</p>",
                "partner_id": customer.id,
                "team_id": team.id,
            }
        )
    rossi, bianchi, _verdi = customers

    def ago(days):
        return today - timedelta(days=days)

    # Rossi paid late last year; its invoice due ten days ago it pays today,
    # after the install: a second late payment
    _pay(env, _invoice(env, rossi, product, ago(400), ago(370)), ago(350))
    paid_after_install = _invoice(env, rossi, product, ago(40), ago(10))
    # Bianchi has not paid an invoice due ten days ago
    _invoice(env, bianchi, product, ago(40), ago(10))
    env.cr.execute(
        "CREATE TABLE install_check_snapshot (key varchar PRIMARY KEY, value jsonb)"
    )
    _save(env, "before", snapshot(env))
    _save(env, "customers", customers.ids)
    _save(env, "paid_after_install", paid_after_install.id)


def _save(env, key, value):
    env.cr.execute(
        "INSERT INTO install_check_snapshot VALUES (%s, %s)", [key, json.dumps(value)]
    )


def _load(env, key):
    env.cr.execute("SELECT value FROM install_check_snapshot WHERE key = %s", [key])
    return env.cr.fetchone()[0]


def snapshot(env):
    """What the customers have and were told."""
    cr = env.cr
    cr.execute(
        "SELECT id, is_auto_renew, date_end::text, is_canceled FROM contract_line "
        "ORDER BY id"
    )
    lines = [list(row) for row in cr.fetchall()]
    cr.execute("SELECT coalesce(max(id), 0) FROM mail_message")
    last_message = cr.fetchone()[0]
    cr.execute("SELECT coalesce(max(id), 0) FROM mail_mail")
    last_mail = cr.fetchone()[0]
    cr.execute(
        "SELECT id, state, payment_state FROM account_move "
        "WHERE move_type IN ('out_invoice', 'out_refund') ORDER BY id"
    )
    moves = [list(row) for row in cr.fetchall()]
    return {
        "lines": lines,
        "moves": moves,
        "last_message": last_message,
        "last_mail": last_mail,
    }


def run_every_cron(env):
    """Every active scheduled action, twice, as the cron worker runs it."""
    skipped = {env.ref(x, raise_if_not_found=False) for x in SKIPPED_CRONS}
    crons = (
        env["ir.cron"]
        .search([("active", "=", True)])
        .filtered(lambda c: c not in skipped)
    )
    failed = []
    for cron in crons:
        for _twice in range(2):
            for _call in range(20):
                _cron, progress = cron._add_progress()
                try:
                    cron.ir_actions_server_id.with_context(
                        ir_cron_progress_id=progress.id
                    ).run()
                    env.cr.commit()
                except Exception as error:  # noqa: BLE001 - reported, then fails
                    env.cr.rollback()
                    failed.append(f"{cron.name}: {error}")
                    break
                if not progress.remaining:
                    break
            env.invalidate_all()
    return crons, failed


def check(env):
    before = _load(env, "before")
    customers = env["res.partner"].browse(_load(env, "customers"))
    # the customer pays today, late, the invoice due ten days ago
    invoice = env["account.move"].browse(_load(env, "paid_after_install"))
    payments = (
        env["account.payment.register"]
        .with_context(active_model="account.move", active_ids=invoice.ids)
        .create({"payment_date": fields.Date.context_today(env.user)})
        ._create_payments()
    )
    env.cr.commit()
    paid = {("account.move", invoice.id)}
    paid |= {("account.payment", p.id) for p in payments}
    paid |= {("account.move", m.id) for m in payments.move_id}
    before["moves"] = [row for row in before["moves"] if row[0] != invoice.id]
    crons, failed = run_every_cron(env)
    print(f"ran {len(crons)} scheduled actions twice each")
    after = snapshot(env)
    problems = [f"scheduled action failed: {f}" for f in failed]
    if after["lines"] != before["lines"]:
        problems.append(f"services changed: {before['lines']} -> {after['lines']}")
    after["moves"] = [row for row in after["moves"] if row[0] != invoice.id]
    if after["moves"] != before["moves"]:
        problems.append(f"invoices changed: {before['moves']} -> {after['moves']}")
    mails = env["mail.mail"].search(
        [
            ("id", ">", before["last_mail"]),
            "|",
            ("recipient_ids", "in", customers.ids),
            ("email_to", "in", customers.mapped("email")),
        ]
    )
    for mail in mails:
        to = mail.email_to or ", ".join(mail.recipient_ids.mapped("email"))
        problems.append(f"email queued: {mail.subject!r} to {to}")
    messages = env["mail.message"].search(
        [("id", ">", before["last_message"]), ("model", "in", CUSTOMER_MODELS)]
    )
    for message in messages:
        if (message.model, message.res_id) in paid:
            continue
        text = message.body or ""
        if message.tracking_value_ids:
            text += " " + ", ".join(
                f"{t.field_id.field_description}: {t.old_value_char or ''} -> "
                f"{t.new_value_char or ''}"
                for t in message.tracking_value_ids
            )
        problems.append(
            f"note on {message.model},{message.res_id}: {message.subject or ''} {text}"
        )
    if "do_not_renew" in customers._fields:
        marked = customers.filtered("do_not_renew")
        if marked:
            problems.append(f"marked do not renew: {marked.mapped('name')}")
    if "support.service.suspension" in env:
        suspensions = env["support.service.suspension"].search([])
        if suspensions:
            problems.append(f"suspended: {suspensions.mapped('display_name')}")
    if "support.renewal.reminder" in env:
        reminders = env["support.renewal.reminder"].search([])
        if reminders:
            problems.append(f"renewal reminders recorded: {len(reminders)}")
    for problem in problems:
        print(f"CHANGED AFTER INSTALL: {problem}")
    if problems:
        return 1
    print("installing on a live database changed nothing for any customer")
    return 0


def main(conf, db, command):
    config.parse_config(["-c", conf, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": False})
        if command == "prepare":
            prepare(env)
            return 0
        return check(env)


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
