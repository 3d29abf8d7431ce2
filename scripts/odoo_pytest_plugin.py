"""pytest plugin loaded by scripts/test on top of pytest-odoo (``-p``).

pytest-odoo collects tests the pytest way, which differs from Odoo's own
runner (odoo/tests/loader.py) and from what OCA's CI enforces. This plugin
closes the gaps that matter here:

1. Selection as Odoo does it: only TestCase classes *defined* in the test
   module (pytest also collects classes a test module merely imports, e.g.
   ``from odoo.addons.web.tests.test_js import WebSuite``), only test methods
   defined on the class itself unless it sets ``allow_inherited_tests_method``
   (pytest also runs inherited ones), and only tests tagged ``standard``
   (Odoo's default ``--test-tags``; ``@tagged("-standard", ...)`` opts out).
2. A test that logs an ERROR (e.g. a traceback in a controller served to an
   HttpCase) fails, as in Odoo's runner. Muted loggers (``mute_logger``,
   ``assertLogs``) do not count. Needs ``--odoo-log-level`` <= error.
3. KNOWN_POST_INSTALL_FAILURES: OCA tests that fail whenever they run after
   every module is installed (pytest-odoo's only mode), with or without
   support_terms, because a dependency overrides what they test. Odoo/OCA CI
   run them at_install, before that dependency is loaded. They are
   deselected, with the reason printed.
"""

import logging

import pytest

KNOWN_POST_INSTALL_FAILURES = {
    "odoo.addons.contract.tests.test_contract::TestContract::"
    "test_invoice_contract_without_lines": (
        "contract_line_successor forbids unlinking non-cancelled lines"
    ),
    "odoo.addons.contract.tests.test_contract::TestContract::"
    "test_onchange_contract_template_id_lines": (
        "contract_line_successor forbids unlinking non-cancelled lines"
    ),
}


class _DropTestFrameworkImportError(logging.Filter):
    """pytest-odoo imports odoo.tests before setting test_enable (on purpose,
    to keep Odoo from running at_install tests while loading the registry), so
    Odoo logs a spurious 'Importing test framework' ERROR: drop it."""

    def filter(self, record):
        return not record.getMessage().startswith("Importing test framework")


logging.getLogger("odoo.tests.common").addFilter(_DropTestFrameworkImportError())


def _odoo_would_run(item):
    cls = getattr(item, "cls", None)
    if cls is None:  # plain pytest function, not an Odoo TestCase
        return True
    if cls.__module__ != item.module.__name__:
        return False
    if not getattr(cls, "allow_inherited_tests_method", False):
        if item.originalname not in cls.__dict__:
            return False
    return "standard" in getattr(cls, "test_tags", {"standard"})


def _key(item):
    return f"{item.module.__name__}::{item.cls.__name__}::{item.originalname}"


def pytest_collection_modifyitems(config, items):
    selected, deselected, known = [], [], []
    for item in items:
        if not _odoo_would_run(item):
            deselected.append(item)
        elif getattr(item, "cls", None) and _key(item) in KNOWN_POST_INSTALL_FAILURES:
            deselected.append(item)
            known.append(_key(item))
        else:
            selected.append(item)
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = selected
    config._odoo_known_failures = known


def pytest_report_collectionfinish(config):
    return [
        f"deselected (known post-install failure: {KNOWN_POST_INSTALL_FAILURES[k]}): "
        f"{k}"
        for k in getattr(config, "_odoo_known_failures", [])
    ]


class _ErrorLogCollector(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.records = []

    def emit(self, record):
        self.records.append(record)


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_setup(item):
    item._odoo_error_logs = _ErrorLogCollector()
    logging.getLogger().addHandler(item._odoo_error_logs)
    yield


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    collector = getattr(item, "_odoo_error_logs", None)
    if collector is None or call.when != "call":
        return
    logging.getLogger().removeHandler(collector)
    report = outcome.get_result()
    if collector.records and report.passed:
        report.outcome = "failed"
        report.longrepr = "Test logged error(s):\n" + "\n".join(
            f"{r.levelname} {r.name}: {r.getMessage()}" for r in collector.records
        )


def pytest_runtest_teardown(item):
    collector = getattr(item, "_odoo_error_logs", None)
    if collector is not None:
        logging.getLogger().removeHandler(collector)
