# Copyright 2026 support_terms contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Hooks that let the feature addons take over the records of the old
single ``support_terms`` addon.

Upgrading a database from the single addon installs each new feature addon
before ``support_terms`` itself is upgraded. Without these hooks the new addon
would create a second copy of every record it defines (groups, crons, mail
templates...), since their external ids still belong to ``support_terms``.
Each feature addon wires them in its ``__init__.py`` with ``adoption_hooks``.
"""

import csv
import json
import logging
import os

from lxml import etree

from odoo.modules.module import get_manifest, get_module_path
from odoo.tools.sql import table_columns, table_exists

_logger = logging.getLogger(__name__)

APPLICATION = "support_terms"

# noupdate records saved before the install of an addon and restored after
# it, kept in the database between the two hooks (one row per record)
SAVED_ROWS_TABLE = "support_terms_adopted_row"


def _own_name(xmlid, module_name):
    """The name part of ``xmlid`` when ``module_name`` defines it, else None
    (ids of other modules are references)."""
    module, dot, name = (xmlid or "").partition(".")
    if not dot:
        return module or None
    return name if module == module_name else None


def defined_xmlids(module_name):
    """(own names, foreign full xmlids) of the records defined by the data
    and demo files of ``module_name``. The ``model_*`` and ``field_*`` ids are
    not listed: Odoo gives the installing addon its own."""
    mod_path = get_module_path(module_name)
    manifest = get_manifest(module_name, mod_path)
    own, foreign = set(), set()
    for key in ("data", "demo"):
        for relpath in manifest.get(key) or ():
            path = os.path.join(mod_path, relpath)
            if relpath.endswith(".xml"):
                for node in etree.parse(path).iter("record", "template", "menuitem"):
                    xmlid = node.get("id")
                    name = _own_name(xmlid, module_name)
                    if name:
                        own.add(name)
                    elif xmlid and node.tag == "record":
                        foreign.add(xmlid)
            elif relpath.endswith(".csv"):
                with open(path, encoding="utf-8") as fp:
                    for row in csv.DictReader(fp):
                        name = _own_name((row.get("id") or "").strip(), module_name)
                        if name:
                            own.add(name)
    return own, foreign


def _save_rows(env, module_name, targets):
    """Keep the rows of ``targets`` ((model, res_id) pairs) and of their
    _inherits parents, to put them back after the install: an install
    writes even the noupdate records."""
    if not targets:
        return
    env.cr.execute(
        f"""CREATE TABLE IF NOT EXISTS {SAVED_ROWS_TABLE} (
            module varchar NOT NULL, tbl varchar NOT NULL,
            res_id int NOT NULL, row jsonb NOT NULL)"""
    )
    seen = set()
    todo = list(targets)
    while todo:
        model, res_id = todo.pop()
        Model = env.get(model)
        table = Model._table if Model is not None else model.replace(".", "_")
        if not res_id or (model, res_id) in seen or not table_exists(env.cr, table):
            continue
        seen.add((model, res_id))
        env.cr.execute(
            f"""INSERT INTO {SAVED_ROWS_TABLE}
                SELECT %s, %s, id, to_jsonb(t) FROM "{table}" t WHERE id = %s
                RETURNING row""",
            (module_name, table, res_id),
        )
        row = env.cr.fetchone()
        if row and Model is not None:
            todo.extend((p, row[0].get(f)) for p, f in Model._inherits.items())


def adopt_xmlids_from_application(env, module_name):
    """pre_init_hook body: move to ``module_name`` the external ids of
    ``support_terms`` that its data files define (keeping their noupdate flag),
    so that its install updates those records instead of duplicating them."""
    cr = env.cr
    states = ("installed", "to upgrade", "to remove")
    domain = [("name", "=", APPLICATION), ("state", "in", states)]
    if not env["ir.module.module"].search_count(domain):
        return
    names, foreign = defined_xmlids(module_name)
    if not names:
        return
    cr.execute(
        "SELECT name, model FROM ir_model_data WHERE module = %s AND name IN %s",
        (APPLICATION, tuple(names)),
    )
    # the ids Odoo gave the _inherits parents (e.g. <cron>_ir_actions_server)
    for name, model in cr.fetchall():
        if model in env:
            names.update(f"{name}_{p.replace('.', '_')}" for p in env[model]._inherits)
    cr.execute(
        """
        UPDATE ir_model_data old
           SET module = %(new)s
         WHERE old.module = %(app)s
           AND old.name IN %(names)s
           AND NOT EXISTS (
               SELECT 1 FROM ir_model_data own
                WHERE own.module = %(new)s AND own.name = old.name
           )
        RETURNING old.name, old.model, old.res_id, old.noupdate
        """,
        {"new": module_name, "app": APPLICATION, "names": tuple(names)},
    )
    adopted = cr.fetchall()
    # records the old addon already loaded and that an upgrade would not
    # rewrite: noupdate ones, and those of other modules it modified
    targets = [(model, res_id) for _n, model, res_id, noupdate in adopted if noupdate]
    if foreign:
        cr.execute(
            "SELECT model, res_id FROM ir_model_data"
            " WHERE module || '.' || name IN %s AND noupdate",
            (tuple(foreign),),
        )
        targets += cr.fetchall()
    _save_rows(env, module_name, targets)
    _logger.info(
        "%s: adopted %d external ids of %s (%d noupdate records kept as they are)",
        module_name,
        len(adopted),
        APPLICATION,
        len(targets),
    )
    env.registry.clear_cache()


def restore_adopted_noupdate_values(env, module_name):
    """post_init_hook body: put back the noupdate records saved by
    ``adopt_xmlids_from_application``, as an upgrade would have left them."""
    if not table_exists(env.cr, SAVED_ROWS_TABLE):
        return
    env.cr.execute(
        f"DELETE FROM {SAVED_ROWS_TABLE} WHERE module = %s RETURNING tbl, res_id, row",
        (module_name,),
    )
    saved = env.cr.fetchall()
    env.cr.execute(f"SELECT 1 FROM {SAVED_ROWS_TABLE} LIMIT 1")
    if not env.cr.fetchone():
        env.cr.execute(f"DROP TABLE {SAVED_ROWS_TABLE}")
    if not saved:
        return
    env.flush_all()
    for table, res_id, values in saved:
        columns = [c for c in table_columns(env.cr, table) if c in values and c != "id"]
        if not columns:
            continue
        cols = ", ".join(f'"{c}"' for c in columns)
        env.cr.execute(
            f'UPDATE "{table}" SET ({cols}) = (SELECT {cols} FROM '
            f'jsonb_populate_record(NULL::"{table}", %s)) WHERE id = %s',
            (json.dumps(values), res_id),
        )
    env.invalidate_all()
    env.registry.clear_cache()
    _logger.info(
        "%s: restored %d noupdate records of %s", module_name, len(saved), APPLICATION
    )


def adoption_hooks(module_name, before=None, after=None):
    """The (pre_init_hook, post_init_hook) of a feature addon: a database
    that held the single support_terms addon keeps its records, its noupdate
    ones as they were. ``before`` and ``after`` (functions of ``env``) add
    the addon's own install steps."""

    def pre_init_hook(env):
        adopt_xmlids_from_application(env, module_name)
        if before:
            before(env)

    def post_init_hook(env):
        restore_adopted_noupdate_values(env, module_name)
        if after:
            after(env)

    return pre_init_hook, post_init_hook
