"""What the bench scripts share: connecting Odoo to a database, copying
databases and rows, running an action through run.py.

Odoo is configured in-process (no odoo.conf), so that the scripts work the same
on a developer machine and in CI; the addons path is computed from the
installed Odoo rather than hard-coded.
"""

import contextlib
import json
import os
import subprocess
import sys
import tempfile

import odoo
from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(HERE)


def add_db_arguments(parser):
    """Connection options, defaulting to the PG* variables like psql."""
    parser.add_argument("--db", required=True, help="database name")
    parser.add_argument("--db-host", default=os.environ.get("PGHOST", "127.0.0.1"))
    parser.add_argument("--db-port", default=os.environ.get("PGPORT", "5432"))
    parser.add_argument("--db-user", default=os.environ.get("PGUSER", "root"))
    parser.add_argument(
        "--log-level",
        default="warn",
        help="Odoo log level (info shows the cron worker's own log lines)",
    )


def addons_path():
    """The repository (for support_terms) and every addons dir Odoo knows."""
    odoo_root = os.path.dirname(os.path.dirname(odoo.__file__))
    paths = [REPO_ROOT, os.path.join(odoo_root, "addons"), *odoo.addons.__path__]
    return ",".join(dict.fromkeys(p for p in paths if os.path.isdir(p)))


def odoo_cli_args(args):
    """Command-line options for Odoo matching our connection options."""
    return [
        f"--database={args.db}",
        f"--db_host={args.db_host}",
        f"--db_port={args.db_port}",
        f"--db_user={args.db_user}",
        f"--addons-path={addons_path()}",
        f"--log-level={args.log_level}",
    ]


def configure_odoo(args):
    odoo.tools.config.parse_config(odoo_cli_args(args))


@contextlib.contextmanager
def environment(db, context=None):
    """A superuser environment on a new cursor, committed on success."""
    registry = Registry(db)
    with registry.cursor() as cr:
        yield api.Environment(cr, SUPERUSER_ID, context or {})


def release(db):
    """Close this process's connections to ``db`` (createdb -T needs it)."""
    Registry.delete(db)
    odoo.sql_db.close_db(db)


def psql(args, *command):
    """A PostgreSQL client command (dropdb, createdb) with our connection."""
    env = dict(os.environ, PGHOST=args.db_host, PGPORT=args.db_port)
    subprocess.run(
        [*command, "-U", args.db_user], check=True, env=env, stdout=subprocess.DEVNULL
    )


def drop_database(args, db):
    psql(args, "dropdb", "--if-exists", db)


def copy_database(args, source, target):
    drop_database(args, target)
    psql(args, "createdb", "-T", source, target)


def module_dirs():
    """The addons path without the empty dirs Odoo's command line refuses."""
    return ",".join(
        path
        for path in addons_path().split(",")
        if any(
            os.path.isfile(os.path.join(path, name, "__manifest__.py"))
            for name in os.listdir(path)
        )
    )


def odoo_command(args, db, *options):
    """Odoo's command line on ``db`` (install, update), stopped after init."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "odoo",
            f"--database={db}",
            f"--db_host={args.db_host}",
            f"--db_port={args.db_port}",
            f"--db_user={args.db_user}",
            f"--addons-path={module_dirs()}",
            "--log-level=warn",
            *options,
            "--stop-after-init",
            "--no-http",
        ],
        check=True,
        cwd=REPO_ROOT,
    )


def create_database(args, db):
    """A new database with support_terms, without demo data."""
    drop_database(args, db)
    odoo_command(args, db, "--init=support_terms", "--without-demo=all")


def columns(cr, table):
    """The columns of ``table`` but ``id``, in table order."""
    cr.execute(
        """
        SELECT column_name FROM information_schema.columns
         WHERE table_name = %s AND column_name != 'id'
         ORDER BY ordinal_position
        """,
        [table],
    )
    return [row[0] for row in cr.fetchall()]


def clone(cr, table, template_where, source, overrides, returning=False):
    """Copy the template row(s) of ``table`` once per row of ``source``.

    ``overrides`` maps a column to an SQL expression over ``t`` (the
    template) and ``s`` (the source row); other columns are copied. Returns
    the new ids with ``returning``, else the number of rows.
    """
    cols = columns(cr, table)
    exprs = [overrides.get(col, f't."{col}"') for col in cols]
    cr.execute(
        f"""
        INSERT INTO "{table}" ({", ".join(f'"{c}"' for c in cols)})
        SELECT {", ".join(exprs)}
          FROM "{table}" t, ({source}) s
         WHERE {template_where}
        {"RETURNING id" if returning else ""}
        """
    )
    if returning:
        return [row[0] for row in cr.fetchall()]
    return cr.rowcount


def run_job(args, db, *options, tracemalloc=False):
    """run.py on ``db`` with ``options`` (--cron, --count-sql, --label...).

    Returns its JSON report.
    """
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        command = [
            sys.executable,
            os.path.join(HERE, "run.py"),
            f"--db={db}",
            f"--db-host={args.db_host}",
            f"--db-port={args.db_port}",
            f"--db-user={args.db_user}",
            *options,
            f"--json={out.name}",
        ]
        if tracemalloc:
            command.append("--tracemalloc")
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        with open(out.name) as report:
            return json.load(report)
