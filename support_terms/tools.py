"""Helpers of the scheduled actions, shared by the models."""

from odoo.osv import expression
from odoo.tools import SQL


def lock_due(model, domain, limit, order):
    """Up to ``limit`` records of ``domain``, locked for this transaction.

    Rows another run has locked are skipped (SKIP LOCKED): it is handling
    them, so two overlapping runs never handle the same record.
    """
    query = model._search(domain, limit=limit, order=order)
    # execute_query flushes the pending writes the query depends on
    rows = model.env.execute_query(SQL("%s FOR UPDATE SKIP LOCKED", query.select()))
    return model.browse(row[0] for row in rows)


def run_due_batch(model, batch_param, batch_default, order, steps):
    """One batch of a scheduled action, the way every action here works.

    ``steps`` is ``[(domain, action)]`` in priority order: each takes what is
    left of the batch among its due records, locked, and acts on them. The
    cron worker commits the batch and calls again while ``_notify_progress``
    reports remaining work. Each action must take its records out of their
    domain in the same transaction: then a second run, an overlapping run or
    a run restarted after a crash handles each record once.
    """
    batch_size = int(
        model.env["ir.config_parameter"].sudo().get_param(batch_param, batch_default)
    )
    done = 0
    for domain, action in steps:
        if done >= batch_size:
            break
        records = lock_due(model, domain, batch_size - done, order)
        if records:
            action(records)
        done += len(records)
    remaining = model.search_count(expression.OR([domain for domain, _a in steps]))
    model.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
    return done, remaining
