"""Helpers of the scheduled actions, shared by the models."""

import contextlib
import logging

from psycopg2 import InterfaceError, OperationalError

from odoo.exceptions import AccessError
from odoo.osv import expression
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

# What is not a record's fault: the database connection, a lock timeout, a
# serialization failure. The whole call fails and the cron worker retries it.
NOT_THE_RECORD = (OperationalError, InterfaceError)

MANAGER_GROUP = "support_terms_base.group_support_terms_manager"
USER_GROUP = "support_terms_base.group_support_terms_user"


def batch_size(env, param, default):
    """The batch size set in the system parameter ``param``, or ``default``
    (logged) for a value that is not a whole number above 0."""
    # system parameters are the administrators': the action reads its own
    value = env["ir.config_parameter"].sudo().get_param(param)
    if not value:
        return default
    with contextlib.suppress(ValueError):
        if int(value) > 0:
            return int(value)
    _logger.warning(
        "System parameter %s = %r refused: a batch size is a whole number "
        "above 0. The default, %s, is used.",
        param,
        value,
        default,
    )
    return default


def _running_cron(env):
    """The scheduled action being run (empty outside a cron job)."""
    # ir.cron is the administrators': a run started by a staff action reads
    # only the action's name and last call
    cron = env["ir.cron"].sudo().browse(env.context.get("cron_id") or [])
    progress_id = env.context.get("ir_cron_progress_id") or []
    return cron or cron.env["ir.cron.progress"].browse(progress_id).cron_id


def run_started(env):
    """The ``lastcall`` of the running scheduled action (False before its
    first run), which names the current run; None outside a cron job."""
    if "lastcall" in env.context:
        return env.context["lastcall"] or False
    cron = _running_cron(env)
    return (cron.lastcall or False) if cron else None


def failures(model):
    """(ids that failed in the current run, set aside; ids that failed at
    all). Outside a cron job nothing is set aside."""
    failed = model.env["support.cron.failure"]._failures_of(model._name)
    started = run_started(model.env)
    # outside a cron job (None) no failure's run matches: nothing is set aside
    aside = [res_id for res_id, run in failed.items() if (run or False) == started]
    return aside, list(failed)


def lock_due(model, domain, limit, order):
    """Up to ``limit`` records of ``domain``, locked for this transaction,
    but those another run has locked (SKIP LOCKED) or that failed in this
    run; those that failed in an earlier run come last."""
    aside, failed = failures(model)
    domain = expression.AND([domain, [("id", "not in", aside)]])
    query = model._search(domain, limit=limit, order=order)
    if failed:
        failed_last = SQL("%s IN %s", SQL.identifier(model._table, "id"), tuple(failed))
        query.order = (
            SQL("%s, %s", failed_last, query.order) if query.order else failed_last
        )
    # execute_query flushes the pending writes the query depends on
    rows = model.env.execute_query(SQL("%s FOR UPDATE SKIP LOCKED", query.select()))
    return model.browse(row[0] for row in rows)


def _set_aside(record, error):
    """Log and record why ``record`` failed: the run goes on without it."""
    name = _running_cron(record.env).name or record._description
    reason = f"{type(error).__name__}: {error}".strip()
    _logger.warning(
        "Scheduled action %s: %s,%s failed, set aside until the next run: %s",
        name,
        record._name,
        record.id,
        reason,
        exc_info=True,
    )
    record.env["support.cron.failure"]._record(
        record, name, reason, run_started(record.env)
    )


def act_isolated(records, action):
    """``action(records)`` under one savepoint; if it fails, each record again
    under its own, those that fail set aside. Returns the records handled."""
    try:
        with records.env.cr.savepoint():
            action(records)
        return records
    except NOT_THE_RECORD:
        raise
    except Exception as error:  # noqa: BLE001 (a record's error: tried alone)
        if len(records) == 1:
            _set_aside(records, error)
            return records.browse()
    handled = records.browse()
    # the rolled back savepoint may have released the rows' locks: take them
    # again, leaving any that another run took meanwhile
    for record in lock_due(records, [("id", "in", records.ids)], None, "id"):
        handled |= act_isolated(record, action)
    return handled


def run_due_batch(model, batch_param, batch_default, order, steps):
    """One batch of a scheduled action: ``steps`` is ``[(domain, action)]`` in
    priority order, each acting on what is left of the batch among its due
    records, locked. An action takes its records out of their domain in the
    same transaction, so an overlapping or restarted run handles each once.
    Returns (records tried, records still due) as reported to the worker."""
    size = batch_size(model.env, batch_param, batch_default)
    due = expression.OR([domain for domain, _a in steps])
    # most runs of a frequent action: nothing due, no failure to forget
    query = SQL(
        "SELECT EXISTS(%s) OR EXISTS(SELECT 1 FROM support_cron_failure "
        "WHERE model = %s)",
        model._search(due, limit=1, order="id").select(),
        model._name,
    )
    [[busy]] = model.env.execute_query(query)
    if not busy:
        model.env["ir.cron"]._notify_progress(done=0, remaining=0)
        return 0, 0
    _aside, known = failures(model)
    done = 0
    handled = model.browse()
    for domain, action in steps:
        if done >= size:
            break
        records = lock_due(model, domain, size - done, order)
        if records:
            handled |= act_isolated(records, action)
        done += len(records)
    if known:
        # handled, or no longer due (fixed by hand): nothing to remember
        still_due = model.search(expression.AND([[("id", "in", known)], due]))
        model.env["support.cron.failure"]._forget(
            model._name, (set(known) - set(still_due.ids)) | set(handled.ids)
        )
    aside, _failed = failures(model)
    due = expression.AND([due, [("id", "not in", aside)]])
    remaining = model.search_count(due)
    model.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
    return done, remaining


def company_days(env):
    """``[(companies, their day)]``: the companies the caller sees, grouped by
    time zone (usually one group). A scheduled action spans companies, and
    each judges what is due on its own day."""
    zones = env["res.company"].search([]).grouped("support_tz")
    return [(companies, companies[:1]._support_today()) for companies in zones.values()]


def company_day_domain(env, field, operator):
    """Records whose ``field`` is ``operator`` their company's day."""
    return expression.OR(
        [("company_id", "in", companies.ids), (field, operator, today)]
        for companies, today in company_days(env)
    )


def is_manager(env):
    """Whether the user decides what a support terms manager decides;
    superuser flows do."""
    return env.su or env.user.has_group(MANAGER_GROUP)


def check_manager(records, message, model_rights=True):
    """Refuse (``message``) anyone but superuser flows and managers who may
    write ``records`` by their own rights. ``model_rights=False`` checks the
    record rules only, for a model whose access lists give writing to another
    trade (contract lines, whose prices are accounting's)."""
    if records.env.su:
        return
    if not is_manager(records.env):
        raise AccessError(message)
    if model_rights:
        records.check_access("write")
        return
    domain = records.env["ir.rule"]._compute_domain(records._name, "write")
    # the rules' domain may follow fields the manager does not read
    if domain and records - records.sudo().filtered_domain(domain):
        raise AccessError(message)


def send_customer_mail(records, template, email_layout_xmlid=False):
    """Queue one email per record to its customer (as the template's
    ``partner_to``/``email_to`` say, never making a contact of an address),
    logged in its chatter as a comment by the record's company, whoever
    sends it. Returns the queued ``mail.mail``."""
    env = records.env
    mails = env["mail.mail"]
    if not records:
        return mails
    if isinstance(template, str):
        template = env.ref(template)
    subtype_id = env.ref("mail.mt_comment").id
    has_company = "company_id" in records._fields
    by_company = records.grouped(
        lambda r: (has_company and r.company_id) or env.company
    )
    for company, group in by_company.items():
        # the customer or agent whose action sends the terms' email may not
        # read mail templates; what it says is the template's, not theirs
        mails |= template.sudo().send_mail_batch(
            group.ids,
            email_values={
                "message_type": "auto_comment",
                "subtype_id": subtype_id,
                "author_id": company.partner_id.id,
            },
            email_layout_xmlid=email_layout_xmlid,
        )
    return mails
