"""Helpers of the scheduled actions, shared by the models."""

from odoo.tools import SQL


def lock_due(model, domain, limit, order):
    """Up to ``limit`` records of ``domain``, locked for this transaction.

    Rows another run has locked are skipped (SKIP LOCKED): it is handling
    them, so two overlapping runs never handle the same record.
    """
    query = model._search(domain, limit=limit, order=order)
    model.env.cr.execute(SQL("%s FOR UPDATE SKIP LOCKED", query.select()))
    return model.browse(row[0] for row in model.env.cr.fetchall())
