from odoo.tests import tagged
from odoo.tests.common import JsonRpcException

from .common_access import AccessCase

# Every public method of the nine addons (and OCA's renewal, which they
# extend), as the README's security table lists them: who may call it. A
# portal customer may call none; an agent only what support staff do.
REFUSED = "refused"
ALLOWED = "allowed"


@tagged("post_install", "-at_install")
class TestEveryPublicMethodProbed(AccessCase):
    """Each public method called over JSON-RPC by a portal customer, on its
    own records, and by a helpdesk agent: refused unless the role does it,
    and a refused call changes nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.failure = cls.env["support.cron.failure"].create(
            {
                "action": "Rinnovi",
                "model": "contract.line",
                "res_id": cls.line.id,
                "reason": "boom",
                "company_id": cls.company.id,
            }
        )
        site = cls._create_product("Sito web", cls.company)
        site.service_kind = "web_design"
        _contract, site_line = cls._create_contract(cls.customer, site, "2026-01-01")
        cls.web_project = site_line.support_web_project_ids
        cls.invoice = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": cls.customer.id,
                "invoice_line_ids": [
                    (0, 0, {"product_id": cls.fee.id, "price_unit": 20.0})
                ],
            }
        )

    def _table(self):
        """(model, method, ids, portal, agent)."""
        return [
            (
                "contract.line",
                "action_terminate_service",
                self.line.ids,
                REFUSED,
                REFUSED,
            ),
            ("contract.line", "renew", self.line.ids, REFUSED, REFUSED),
            ("contract.line", "cron_renew_contract_line", [], REFUSED, REFUSED),
            (
                "support.cron.failure",
                "action_open_record",
                self.failure.ids,
                REFUSED,
                ALLOWED,
            ),
            (
                "helpdesk.ticket",
                "action_create_quote",
                self.ticket.ids,
                REFUSED,
                "UserError",
            ),
            (
                "helpdesk.ticket",
                "action_charge_fixed_fee",
                self.ticket.ids,
                REFUSED,
                "UserError",
            ),
            (
                "helpdesk.ticket",
                "action_charge_channel",
                self.ticket.ids,
                REFUSED,
                "UserError",
            ),
            ("account.move", "button_cancel", self.invoice.ids, REFUSED, REFUSED),
            (
                "support.ticket.charge",
                "action_cancel",
                self.charge.ids,
                REFUSED,
                REFUSED,
            ),
            (
                "support.ticket.charge",
                "action_invoice",
                self.charge.ids,
                REFUSED,
                REFUSED,
            ),
            (
                "support.cancellation.notice",
                "action_confirm",
                self.notice.ids,
                REFUSED,
                REFUSED,
            ),
            (
                "support.cancellation.notice",
                "action_reset_draft",
                self.rejected_notice.ids,
                REFUSED,
                REFUSED,
            ),
            (
                "support.service.suspension",
                "action_lift",
                self.suspension.ids,
                REFUSED,
                REFUSED,
            ),
            *[
                ("support.web.project", method, self.web_project.ids, REFUSED, REFUSED)
                for method in (
                    "action_sign",
                    "action_material_received",
                    "action_deliver",
                )
            ],
        ]

    def _wizards(self):
        """(wizard model, values, method, portal, agent): created by the
        caller, then confirmed."""
        return [
            (
                "support.credit.charge.wizard",
                {"ticket_id": self.ticket.id, "credits": 1},
                "action_confirm",
                REFUSED,
                REFUSED,
            ),
            (
                "support.take.in.charge.wizard",
                {"ticket_id": self.ticket.id},
                "action_confirm",
                REFUSED,
                ALLOWED,
            ),
            ("support.terms.template.apply", {}, "action_apply", REFUSED, REFUSED),
            (
                "support.public.holidays.wizard",
                {"calendar_id": self.company.resource_calendar_id.id},
                "action_add_holidays",
                REFUSED,
                REFUSED,
            ),
        ]

    def _result_of(self, model, method, *args):
        try:
            self.call(model, method, *args)
        except JsonRpcException as error:
            name = str(error).rsplit(".", 1)[-1]
            return REFUSED if name == "AccessError" else name
        return ALLOWED

    def _probe(self, user, column):
        self.login(user)
        outcomes = {}
        for model, method, ids, *expected in self._table():
            args = [ids] if ids else []  # a model method takes no ids
            outcomes[(model, method)] = (
                self._result_of(model, method, *args),
                expected[column],
            )
        for model, values, method, *expected in self._wizards():
            created = self._result_of(model, "create", values)
            if created == ALLOWED:
                wizard_id = self.call(model, "create", values)
                created = self._result_of(model, method, [wizard_id])
            outcomes[(model, method)] = (created, expected[column])
        return outcomes

    def test_portal_customer_calls_every_public_method(self):
        before = self.snapshot()
        for key, (outcome, expected) in self._probe(self.mario, 0).items():
            with self.subTest(method=key):
                self.assertEqual(outcome, expected)
        self.assertEqual(self.snapshot(), before, "nothing written")

    def test_agent_calls_every_public_method(self):
        before = self.snapshot()
        for key, (outcome, expected) in self._probe(self.agent, 1).items():
            with self.subTest(method=key):
                self.assertEqual(outcome, expected)
        after = self.snapshot()
        # taking the request in charge is the agent's; nothing else changed
        before.pop("tickets")
        after.pop("tickets")
        self.assertEqual(after, before, "nothing written")
