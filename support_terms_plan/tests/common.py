from datetime import timedelta
from email.utils import format_datetime
from unittest.mock import patch

from freezegun import freeze_time
from psycopg2 import OperationalError

from odoo import Command, fields
from odoo.tests import TransactionCase, new_test_user


class SupportPlanCase(TransactionCase):
    """A company, customers, their contracts and the plans they grant.

    Everything is created here, on the real database: no demo data is assumed,
    and nothing of the other support_terms features is needed.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.today = fields.Date.context_today(cls.env["res.partner"])
        cls.company = cls.env.company
        cls.product_premium = cls._create_product("PREMIUM plan", cls.company)
        cls.product_basic = cls._create_product("BASIC plan", cls.company)
        cls.product_hosting = cls._create_product("Hosting", cls.company)
        cls.plan_premium = cls._create_plan("PREMIUM", cls.product_premium, sequence=5)
        cls.plan_basic = cls._create_plan("BASIC", cls.product_basic, sequence=10)
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
    def _plan_values_of_other_addons(cls, company):
        """The support hours that another installed addon may require on a
        plan (a calendar): the company's working hours, so that these tests
        run alone and with every support_terms addon installed."""
        return {
            name: company.resource_calendar_id.id
            for name, field in cls.env["support.plan"]._fields.items()
            if field.required
            and field.type == "many2one"
            and field.comodel_name == "resource.calendar"
        }

    @classmethod
    def _create_plan(cls, code, products, sequence=10, company=None, **values):
        company = company or cls.company
        return cls.env["support.plan"].create(
            {
                **cls._plan_values_of_other_addons(company),
                "name": f"{code} plan",
                "code": code,
                "sequence": sequence,
                "company_id": company.id,
                "product_ids": [Command.set(products.ids)],
                **values,
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

    def receive_email(
        self,
        sender,
        to,
        subject,
        moment,
        message_id,
        in_reply_to=None,
        body="Il sito è lento.",
        custom_values=None,
    ):
        """An email reaching Odoo's mail gateway at ``moment``, as the fetchmail
        server delivers it. Returns the id of the ticket it went to."""
        headers = [
            f"From: {sender}",
            f"To: {to}",
            f"Subject: {subject}",
            f"Message-ID: {message_id}",
            f"Date: {format_datetime(moment.replace(tzinfo=None), usegmt=False)}",
        ]
        if in_reply_to:
            headers.append(f"In-Reply-To: {in_reply_to}")
            headers.append(f"References: {in_reply_to}")
        raw = "\n".join(
            [*headers, "Content-Type: text/plain; charset=utf-8", "", body, ""]
        )
        with freeze_time(moment):
            return self.env["mail.thread"].message_process(
                "helpdesk.ticket", raw, custom_values=custom_values
            )

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
