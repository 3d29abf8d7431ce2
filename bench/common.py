"""What generate.py and run.py share: connecting Odoo to a database.

Odoo is configured in-process (no odoo.conf), so that the scripts work the same
on a developer machine and in CI; the addons path is computed from the
installed Odoo rather than hard-coded.
"""

import contextlib
import os

import odoo
from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


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
