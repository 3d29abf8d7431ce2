from odoo import Command
from odoo.tests import HttpCase, new_test_user
from odoo.tests.common import JsonRpcException

from .common_renewal import RenewalCase


class AccessCase(HttpCase, RenewalCase):
    """Two customers, each with a portal contact, a ticket, a charge, a
    suspension, notices, credits and services on the same plan; a helpdesk
    agent and a support terms manager. Everything goes through HTTP."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_contact = cls.env["res.partner"].create(
            {
                "name": "Giulia Bianchi",
                "parent_id": cls.other_customer.id,
                "email": "giulia@bianchi.example",
            }
        )
        cls.mario = cls._user("mario_acc", "base.group_portal", cls.contact)
        cls.giulia = cls._user("giulia_acc", "base.group_portal", cls.other_contact)
        cls.agent = cls._user("agent_acc", "helpdesk_mgmt.group_helpdesk_user")
        # a support manager, with no accounting rights of its own
        cls.manager = cls._user("manager_acc", "helpdesk_mgmt.group_helpdesk_manager")
        start = cls._days(-30)
        # both customers hold the same support plan
        cls.plan_line = cls._service(cls.plan_product, start)
        cls.other_plan_line = cls._service(cls.plan_product, start, cls.other_customer)
        cls.line = cls._service(cls.hosting, start)
        cls.other_line = cls._service(cls.hosting, start, cls.other_customer)
        cls.fee = cls._create_product("Intervento extra", cls.company)
        cls.ticket = cls._new_ticket(cls.contact)
        cls.other_ticket = cls._new_ticket(cls.other_contact)
        cls.charge = cls.ticket._add_charge("outside_plan", cls.fee)
        cls.other_charge = cls.other_ticket._add_charge("outside_plan", cls.fee)
        Suspension = cls.env["support.service.suspension"]
        cls.suspension = Suspension.create(
            {
                "partner_id": cls.customer.id,
                "reason": "spam",
                "line_ids": cls.line.ids,
                "note": "Segnalazione di un altro cliente: invii massivi.",
            }
        )
        cls.other_suspension = Suspension.create(
            {
                "partner_id": cls.other_customer.id,
                "reason": "authority",
                "line_ids": cls.other_line.ids,
                "note": "Ordine della Polizia Postale n. 123.",
            }
        )
        cls.notice = cls._new_notice(cls.customer, cls.line)
        cls.other_notice = cls._new_notice(cls.other_customer, cls.other_line)
        cls.rejected_notice = cls._new_notice(cls.customer, cls.plan_line, "email")
        cls.rejected_notice.action_confirm()
        Credit = cls.env["support.credit.move"]
        for partner in (cls.customer, cls.other_customer):
            Credit.create(
                {
                    "partner_id": partner.id,
                    "company_id": cls.company.id,
                    "move_type": "grant",
                    "quantity": 10,
                    "expiry_date": cls._days(300),
                }
            )

    @classmethod
    def _user(cls, login, groups, partner=None):
        values = {"partner_id": partner.id} if partner else {}
        return new_test_user(
            cls.env,
            login=login,
            password=f"{login}-pwd-1",
            groups=groups,
            company_ids=[Command.set(cls.company.ids)],
            **values,
        )

    @classmethod
    def _new_ticket(cls, partner):
        return cls.env["helpdesk.ticket"].create(
            {
                "name": f"Sito fermo ({partner.name})",
                "description": "<p>Il sito non risponde.</p>",
                "partner_id": partner.id,
                "is_urgent": True,
            }
        )

    @classmethod
    def _new_notice(cls, partner, line, channel="pec"):
        return cls.env["support.cancellation.notice"].create(
            {
                "partner_id": partner.id,
                "contract_line_ids": [Command.set(line.ids)],
                "received_date": cls.today,
                "channel": channel,
            }
        )

    def login(self, user):
        self.authenticate(user.login, f"{user.login}-pwd-1")

    def call(self, model, method, *args, **kwargs):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def assertRefused(self, model, method, *args, **kwargs):
        """The call over JSON-RPC ends in an AccessError."""
        with self.assertRaises(JsonRpcException) as caught:
            self.call(model, method, *args, **kwargs)
        self.assertEqual(
            str(caught.exception),
            "odoo.exceptions.AccessError",
            f"{model}.{method}{args} was not refused as an access error",
        )

    def snapshot(self):
        """What a refused call must leave as it was."""
        self.env.invalidate_all()
        records = (
            self.charge | self.other_charge,
            self.notice | self.other_notice | self.rejected_notice,
            self.suspension | self.other_suspension,
            self.line | self.other_line,
            self.ticket | self.other_ticket,
        )
        return {
            "invoices": self.env["account.move"].search_count([]),
            "charges": [(c.state, c.price_unit, c.partner_id.id) for c in records[0]],
            "notices": self.env["support.cancellation.notice"].search_count([]),
            "notice_states": records[1].mapped("state"),
            "suspensions": records[2].mapped("state"),
            "notes": records[2].mapped("note"),
            "lines": records[3].mapped("service_state"),
            "tickets": [
                (t.stage_id, t.urgency_review, t.coverage, t.coverage_override_reason)
                for t in records[4]
            ],
            "do_not_renew": (self.customer | self.other_customer).mapped(
                "do_not_renew"
            ),
        }
