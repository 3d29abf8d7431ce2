from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException

from .common import WebDesignCase


@tagged("post_install", "-at_install")
class TestWhoSignsAndDelivers(HttpCase, WebDesignCase):
    """ "corrispettivo da versare in acconto alla firma del contratto e al
    saldo alla consegna del lavoro finito": signing and delivering invoice the
    customer. The access list gives them to the support terms managers of the
    project's company; over JSON-RPC an agent, the customer itself, or a
    manager of another company would invoice it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        other_company = cls.env["res.company"].create({"name": "Altro Studio"})
        cls.agent = new_test_user(
            cls.env,
            login="web_agent",
            groups="support_terms_base.group_support_terms_user",
        )
        cls.other_manager = new_test_user(
            cls.env,
            login="web_other_manager",
            groups="support_terms_base.group_support_terms_manager",
            company_id=other_company.id,
            company_ids=[Command.set(other_company.ids)],
        )
        cls.customer_user = new_test_user(
            cls.env,
            login="web_customer",
            groups="base.group_portal",
            partner_id=cls.customer.id,
        )

    def _call(self, method, project):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/support.web.project/{method}",
            {
                "model": "support.web.project",
                "method": method,
                "args": [project.ids],
                "kwargs": {},
            },
        )

    def test_only_the_companys_managers_sign_and_deliver(self):
        _contract, project = self._sell_site(30)
        invoices = self.env["account.move"].search_count([])
        for login in ("web_agent", "web_customer", "web_other_manager"):
            self.authenticate(login, login)
            for method in ("action_sign", "action_material_received", "action_deliver"):
                with self.subTest(user=login, method=method):
                    with self.assertRaises(JsonRpcException) as caught:
                        self._call(method, project)
                    self.assertEqual(
                        str(caught.exception), "odoo.exceptions.AccessError"
                    )
        self.assertEqual(project.state, "draft")
        self.assertEqual(self.env["account.move"].search_count([]), invoices)
        # the company's own manager signs: the deposit is invoiced
        self.authenticate("web_designer", "web_designer")
        self._call("action_sign", project)
        self.assertEqual(project.state, "signed")
        self.assertEqual(project.deposit_invoice_id.amount_untaxed, 600.0)

    def test_a_manager_cannot_skip_the_steps_by_writing_the_milestones(self):
        """ "saldo alla consegna del lavoro finito": a project marked
        delivered by writing its state over JSON-RPC would never invoice its
        balance; its milestones are the buttons' to record, each with its
        invoice."""
        _contract, project = self._sell_site(30)
        self.authenticate("web_designer", "web_designer")
        self._call("action_sign", project)
        invoices = self.env["account.move"].search_count([])
        for values in (
            {"state": "delivered"},
            {"delivered_on": "2026-01-10"},
            {"balance_invoice_id": project.deposit_invoice_id.id},
            {"signed_on": "2020-01-01"},
        ):
            with self.subTest(values=values):
                with self.assertRaises(JsonRpcException) as caught:
                    self.make_jsonrpc_request(
                        "/web/dataset/call_kw/support.web.project/write",
                        {
                            "model": "support.web.project",
                            "method": "write",
                            "args": [project.ids, values],
                            "kwargs": {},
                        },
                    )
                self.assertEqual(str(caught.exception), "odoo.exceptions.UserError")
        project.invalidate_recordset()
        self.assertEqual(project.state, "signed")
        self.assertFalse(project.delivered_on)
        self.assertFalse(project.balance_invoice_id)
        self.assertEqual(self.env["account.move"].search_count([]), invoices)
        # the button delivers it and invoices the balance
        self._call("action_deliver", project)
        self.assertEqual(project.state, "delivered")
        self.assertEqual(project.balance_invoice_id.amount_untaxed, 1400.0)
