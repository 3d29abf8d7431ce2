from datetime import date, timedelta
from unittest.mock import patch

from lxml import etree
from psycopg2 import OperationalError

from odoo import Command, fields
from odoo.tests import TransactionCase, new_test_user
from odoo.tools.safe_eval import safe_eval

TOOLS_LOGGER = "odoo.addons.support_terms_base.tools"


class SupportTermsBaseCase(TransactionCase):
    """Company, customers, products and contracts shared by the tests of the
    support terms addons; nothing of helpdesk, plans or sales.

    Everything is created here, on the real database: no demo data is assumed.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        # the company's day (Rome), as the addons judge it
        cls.today = cls.company._support_today()
        cls._create_products()
        cls.customer = cls.env["res.partner"].create(
            {"name": "Rossi Costruzioni Srl", "is_company": True, "lang": "en_US"}
        )
        cls.contact = cls.env["res.partner"].create(
            {
                "name": "Mario Rossi",
                "parent_id": cls.customer.id,
                "email": "mario@rossi.example",
            }
        )
        cls.other_customer = cls.env["res.partner"].create(
            {"name": "Bianchi Hotel Snc", "is_company": True}
        )

    def _shown(self, record, xpath, view_type="form"):
        """Whether the user of ``record``'s environment sees the node
        ``xpath`` of its view: in the view its groups get, and no
        ``invisible`` of the node or of its parents true on the record's
        values, as the web client evaluates them."""
        arch = record.get_views([(False, view_type)])["views"][view_type]["arch"]
        root = etree.fromstring(arch)
        nodes = root.xpath(xpath)
        if not nodes:
            return False
        names = {
            node.get("name")
            for node in root.iter("field")
            if node.get("name") in record._fields
        }
        values = {"context": {}, "uid": record.env.uid}
        for name, value in record.read(list(names))[0].items():
            values[name] = value[0] if isinstance(value, tuple) else value
        for node in nodes:
            chain = [node, *node.iterancestors()]
            if not any(
                safe_eval(n.get("invisible"), values)
                for n in chain
                if n.get("invisible") not in (None, "0", "False", "false")
            ):
                return True
        return False

    @classmethod
    def _create_products(cls):
        """The products of the services; a subclass adds its own first."""
        cls.product_hosting = cls._create_product("Hosting", cls.company)

    @classmethod
    def _other_company(cls, name, tz=None):
        """Another provider, with a chart of accounts, in time zone ``tz``;
        the test's user works in it too."""
        company = cls.env["res.company"].create({"name": name})
        if tz:
            company.partner_id.tz = tz
        cls.env.user.company_ids |= company
        cls.env["account.chart.template"].try_loading(
            "generic_coa", company, install_demo=False
        )
        return company

    @classmethod
    def _sales_vat(cls, company, name):
        """A company that invoices: a chart of accounts when it has none, and
        a 22% sales VAT named ``name``."""
        if not cls.env["account.account"].search_count(
            [("company_ids", "in", company.ids)], limit=1
        ):
            cls.env["account.chart.template"].try_loading(
                "generic_coa", company, install_demo=False
            )
        return cls.env["account.tax"].create(
            {
                "name": name,
                "amount": 22.0,
                "amount_type": "percent",
                "type_tax_use": "sale",
                "company_id": company.id,
            }
        )

    @classmethod
    def _create_product(cls, name, company):
        return cls.env["product.product"].create(
            {
                "name": name,
                "type": "service",
                "list_price": 100.0,
                "company_id": company.id,
            }
        )

    @classmethod
    def _create_contract(
        cls, partner, product, start, end=None, company=None, **line_values
    ):
        company = company or cls.company
        contract = (
            cls.env["contract.contract"]
            .with_company(company)
            .create(
                {
                    "name": f"{partner.name} - {product.name}",
                    "partner_id": partner.id,
                    "company_id": company.id,
                    "line_recurrence": True,
                    "contract_line_ids": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "name": product.name,
                                "quantity": 1,
                                "price_unit": 100.0,
                                "recurring_rule_type": "yearly",
                                "recurring_interval": 1,
                                "date_start": start,
                                "date_end": end,
                                **line_values,
                            }
                        )
                    ],
                }
            )
        )
        return contract, contract.contract_line_ids

    @classmethod
    def _lines_not_in_force(cls, product, start="2026-01-01"):
        """``{kind: (customer, line)}``: one customer per way a line of
        ``product`` is not in force (future, ended, canceled, waiting for its
        first payment, terminated, on an archived contract), each with only
        that line."""
        cases = {
            "future": {"date_start": date(2026, 6, 1)},
            "ended": {"date_end": date(2026, 2, 28)},
            "canceled": {"is_canceled": True},
            "waiting for payment": {"service_state": "waiting_payment"},
            "terminated": {"service_state": "terminated"},
            "archived contract": {},
        }
        lines = {}
        for name, values in cases.items():
            partner = cls.env["res.partner"].create(
                {"name": f"Cliente {name}", "is_company": True, "email": "c@c.example"}
            )
            contract, line = cls._create_contract(partner, product, start)
            line.write(values)
            if name == "archived contract":
                contract.active = False
            lines[name] = (partner, line)
        return lines

    def run_like_the_cron_worker(self, cron):
        """Call a scheduled action as Odoo's cron worker does.

        The worker calls it again while it reports remaining work, and commits
        after each call: each call runs in its own savepoint here. Returns the
        records done, as reported through ``_notify_progress``.
        """
        done = 0
        for _call in range(100):
            _cron, progress = cron._add_progress()
            with self.env.cr.savepoint():
                cron.ir_actions_server_id.with_context(
                    ir_cron_progress_id=progress.id
                ).run()
            done += progress.done
            if not progress.remaining:
                cron.lastcall = fields.Datetime.now()  # the run ends
                return done
        raise AssertionError(f"{cron.name} never finished")

    def run_killed(self, run, model_name, method_name, in_call=2):
        """``run()`` with ``model_name.method_name`` dying at its ``in_call``-th
        call, as a worker killed in that batch: the batches committed before
        stay, that one is rolled back. Returns the ids of each call.
        """
        model_class = self.registry[model_name]
        original = getattr(model_class, method_name)
        calls = []

        def crash(records, *args, **kwargs):
            calls.append(records.ids)
            if len(calls) == in_call:
                # what a killed worker's cursor sees
                raise OperationalError(
                    "terminating connection due to administrator command"
                )
            return original(records, *args, **kwargs)

        # not assertRaises: its savepoint would undo the committed batches
        killed = False
        with patch.object(model_class, method_name, crash):
            try:
                run()
            except OperationalError:
                killed = True
        self.assertTrue(killed, f"{method_name} was not called {in_call} times")
        self.env.invalidate_all()
        return calls

    @classmethod
    def _days(cls, days):
        return cls.today + timedelta(days=days)

    @classmethod
    def _portal_user(cls, partner, login):
        return new_test_user(
            cls.env,
            login=login,
            groups="base.group_portal",
            partner_id=partner.id,
        )


class FailureChecks:
    """What staff see of a record a scheduled action could not handle."""

    def failure(self, record):
        return self.env["support.cron.failure"].search(
            [("model", "=", record._name), ("res_id", "=", record.id)]
        )

    def assert_set_aside(self, record, count, reason):
        failure = self.failure(record)
        self.assertEqual(len(failure), 1)
        self.assertEqual(failure.count, count)
        self.assertIn(reason, failure.reason)
        self.assertTrue(failure.action)
        self.assertEqual(failure.record_name, record.sudo().display_name)
        manager = new_test_user(
            self.env,
            login=f"failures_{record._table}_{count}",
            groups="support_terms_base.group_support_terms_manager",
        )
        self.assertEqual(
            self.env["support.cron.failure"].with_user(manager).search([]), failure
        )
        action = self.env.ref("support_terms_base.support_cron_failure_action")
        self.assertEqual(action.res_model, "support.cron.failure")
        return failure

    def run_with_poison(self, run):
        """``run()``; the failure is logged with its reason."""
        with self.assertLogs(TOOLS_LOGGER, "WARNING") as logs:
            result = run()
        self.assertIn("set aside until the next run", "\n".join(logs.output))
        return result
