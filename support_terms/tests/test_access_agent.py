from datetime import timedelta

from odoo import Command, fields
from odoo.tests import tagged
from odoo.tests.common import JsonRpcException

from .common_access import AccessCase


@tagged("post_install", "-at_install")
class TestAgentCannotDecideForManagers(AccessCase):
    """A helpdesk agent (Support Terms / User) works tickets; what a customer
    pays, notices, suspensions, terminations, urgency reviews and do not
    renew are a manager's decisions, refused on the server."""

    def test_agent_calls_every_manager_action_refused(self):
        self.login(self.agent)
        before = self.snapshot()
        actions = [
            ("support.ticket.charge", "action_invoice", self.charge.ids),
            ("support.ticket.charge", "action_cancel", self.charge.ids),
            ("support.cancellation.notice", "action_confirm", self.notice.ids),
            (
                "support.cancellation.notice",
                "action_reset_draft",
                self.rejected_notice.ids,
            ),
            ("support.service.suspension", "action_lift", self.suspension.ids),
            ("contract.line", "action_terminate_service", self.line.ids),
        ]
        for model, method, ids in actions:
            with self.subTest(model=model, method=method):
                self.assertRefused(model, method, ids)
        writes = [
            ("support.ticket.charge", self.charge, {"price_unit": 0.0}),
            (
                "support.ticket.charge",
                self.charge,
                {"partner_id": self.other_customer.id},
            ),
            ("support.ticket.charge", self.charge, {"state": "cancelled"}),
            ("support.cancellation.notice", self.notice, {"state": "confirmed"}),
            ("support.cancellation.notice", self.rejected_notice, {"state": "draft"}),
            ("support.service.suspension", self.suspension, {"state": "lifted"}),
            ("helpdesk.ticket", self.ticket, {"urgency_review": "justified"}),
            ("helpdesk.ticket", self.ticket, {"urgency_review": "unjustified"}),
            ("res.partner", self.customer, {"do_not_renew": True}),
        ]
        for model, record, values in writes:
            with self.subTest(model=model, write=values):
                self.assertRefused(model, "write", record.ids, values)
        self.assertRefused(
            "support.ticket.charge",
            "create",
            [
                {
                    "ticket_id": self.ticket.id,
                    "kind": "credit_shortfall",
                    "product_id": self.fee.id,
                    "price_unit": 1.0,
                }
            ],
        )
        self.assertRefused(
            "support.cancellation.notice",
            "create",
            [
                {
                    "partner_id": self.customer.id,
                    "contract_line_ids": [(6, 0, self.line.ids)],
                    "received_date": str(self.today),
                    "channel": "pec",
                    "state": "confirmed",
                }
            ],
        )
        self.assertEqual(self.snapshot(), before, "nothing written")
        # the checks stop decisions, not the agent's work
        self.call(
            "helpdesk.ticket",
            "write",
            self.ticket.ids,
            {"coverage": "included", "coverage_override_reason": "Guasto nostro."},
        )
        rows = self.call(
            "helpdesk.ticket",
            "read",
            self.ticket.ids,
            ["urgency_review", "coverage_override_reason"],
        )
        self.assertEqual(rows[0]["urgency_review"], "to_review")
        self.assertEqual(rows[0]["coverage_override_reason"], "Guasto nostro.")
        note = self.call(
            "support.service.suspension", "read", self.suspension.ids, ["note"]
        )
        self.assertIn("invii massivi", note[0]["note"])

    def _notice_facts(self, notices):
        self.env.invalidate_all()
        return [
            (
                n.partner_id,
                n.contract_line_ids,
                n.received_at,
                n.sent_date,
                n.channel,
                n.requested_end_date,
                n.note,
                n.state,
            )
            for n in notices
        ]

    def test_decided_notice_keeps_what_it_was_decided_on(self):
        """The form shows a decided notice read only; over JSON-RPC an agent
        rewrote its channel, dates and services after the manager's decision
        (a rejected PEC-less notice turned into a PEC, a confirmed one naming
        services it never cancelled). A manager cannot either: a rejected
        notice goes back to draft first, a confirmed one never changes."""
        self.notice.action_confirm()
        decided = self.notice | self.rejected_notice
        self.assertEqual(decided.mapped("state"), ["confirmed", "rejected"])
        now = fields.Datetime.now()
        rewrites = [
            {"channel": "pec"},
            {"received_at": fields.Datetime.to_string(now - timedelta(days=1))},
            {"sent_date": str(self._days(-3))},
            {"requested_end_date": str(self._days(3))},
            {"note": "Disdetta mai ricevuta."},
        ]
        before = self._notice_facts(decided)
        for user in (self.agent, self.manager):
            self.login(user)
            for notice in decided:
                other_lines = (self.line | self.plan_line) - notice.contract_line_ids
                for values in [
                    *rewrites,
                    {"contract_line_ids": [(6, 0, other_lines.ids)]},
                ]:
                    with self.subTest(user=user.login, notice=notice.state, w=values):
                        with self.assertRaises(JsonRpcException) as caught:
                            self.call(
                                "support.cancellation.notice",
                                "write",
                                notice.ids,
                                values,
                            )
                        self.assertEqual(
                            str(caught.exception), "odoo.exceptions.UserError"
                        )
        self.assertEqual(self._notice_facts(decided), before, "nothing written")
        # a draft notice is still the agent's to correct
        self.login(self.agent)
        self.call(
            "support.cancellation.notice",
            "write",
            self.other_notice.ids,
            {"note": "Ricevuta anche per email."},
        )
        self.assertEqual(self.other_notice.note, "Ricevuta anche per email.")

    def test_accountant_cannot_reactivate_or_terminate_a_service_by_its_state(self):
        """OCA contract lets accounting administrators write contract lines:
        writing a line's service state lifted a suspension (here one ordered
        by an authority) or terminated a service without a support terms
        manager, leaving the suspension active on a service delivered."""
        accountant = self._user(
            "accountant_acc", "account.group_account_manager,base.group_user"
        )
        self.assertEqual(self.other_line.service_state, "suspended")
        self.login(accountant)
        before = self.snapshot()
        for line, state in (
            (self.other_line, "active"),
            (self.other_line, "terminated"),
            (self.plan_line, "terminated"),
            (self.plan_line, "suspended"),
        ):
            with self.subTest(line=line.name, state=state):
                self.assertRefused(
                    "contract.line", "write", line.ids, {"service_state": state}
                )
        self.assertEqual(self.snapshot(), before, "nothing written")
        self.assertEqual(self.plan_line.service_state, "active")
        self.assertEqual(self.other_suspension.state, "active")
        # what accounting does on contract lines still works
        self.call("contract.line", "write", self.plan_line.ids, {"name": "Assistenza"})
        self.assertEqual(self.plan_line.name, "Assistenza")

    def test_agent_cannot_rewrite_what_the_system_records_on_a_ticket(self):
        """ "prezzi e condizioni verranno calcolati e comunicati in fase di
        preventivo, ovvero prima dell'effettivo intervento": work waits for the
        quote's acceptance. Over JSON-RPC an agent unlinked the waiting quote
        (or linked another customer's signed one) and started the work; it
        also backdated the take in charge and the waiting clock, and swapped
        the coverage rule, fields the form shows read only."""
        in_progress = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_in_progress")
        quote = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "ticket_ids": [Command.link(self.ticket.id)],
            }
        )
        signed = self.env["sale.order"].create({"partner_id": self.other_customer.id})
        signed.action_confirm()
        self.assertEqual(self.ticket.support_quote_state, "waiting")
        rule = self.env["support.coverage.rule"].search([], limit=1)
        last_week = fields.Datetime.to_string(fields.Datetime.now() - timedelta(days=7))
        fields_kept = [
            "support_quote_id",
            "sale_order_ids",
            "support_coverage_rule_id",
            "taken_in_charge_date",
            "waiting_since",
            "auto_closed_date",
            "stage_id",
        ]

        def kept():
            self.env.invalidate_all()
            return self.ticket.read(fields_kept)

        before = kept()
        # an agent who also sells: it reads quotations
        seller = self._user(
            "agent_seller_acc",
            "helpdesk_mgmt.group_helpdesk_user,sales_team.group_sale_salesman_all_leads",
        )
        self.login(seller)
        for values in (
            {"support_quote_id": False},
            {"support_quote_id": signed.id},
            {"support_quote_id": False, "stage_id": in_progress.id},
            # OCA's link between requests and sales orders, which the
            # quotation is: unlinking it or linking a signed one
            {"sale_order_ids": [Command.unlink(quote.id)]},
            {"sale_order_ids": [Command.link(signed.id)]},
            {"sale_order_ids": [Command.set(signed.ids)]},
            {"support_coverage_rule_id": rule.id},
            {"taken_in_charge_date": last_week},
            {"waiting_since": last_week},
            {"auto_closed_date": last_week},
        ):
            with self.subTest(write=values):
                self.assertRefused("helpdesk.ticket", "write", self.ticket.ids, values)
        self.assertEqual(kept(), before, "nothing written")
        self.assertEqual(self.ticket.support_quote_state, "waiting")

    def test_agent_cannot_rewrite_how_a_request_arrived(self):
        """ "Le richieste di assistenza che non presenteranno i requisiti di
        urgenza [...] verranno addebitate": the plan in force on arrival, how
        and when a request became urgent, and the manager's review of it are
        what the bill follows. Over JSON-RPC an agent would move the urgency's
        start, clear its out-of-hours handling, hide a duplicate or a refused
        channel, change the plan, or create a request already reviewed."""
        other_product = self._create_product("Altro piano", self.company)
        other_plan = self._create_plan("OTHER", other_product, sequence=9)
        last_week = fields.Datetime.to_string(fields.Datetime.now() - timedelta(days=7))
        kept = [
            "support_plan_id",
            "urgency_source",
            "urgency_date",
            "urgency_review",
            "urgency_handling_date",
            "support_duplicate_of_id",
            "support_channel_outcome",
        ]

        def facts():
            self.env.invalidate_all()
            return self.ticket.read(kept)

        before = facts()
        self.login(self.agent)
        for values in (
            {"support_plan_id": other_plan.id},
            {"urgency_date": last_week},
            {"urgency_handling_date": False},
            {"urgency_source": "email"},
            {"support_duplicate_of_id": self.other_ticket.id},
            {"support_channel_outcome": "refused"},
            {"is_urgent": True, "urgency_review": "justified"},
        ):
            with self.subTest(write=values):
                self.assertRefused("helpdesk.ticket", "write", self.ticket.ids, values)
        self.assertEqual(facts(), before, "nothing written")
        tickets = self.env["helpdesk.ticket"].search_count([])
        for values in (
            {"urgency_date": last_week},
            {"urgency_source": "email"},
            {"support_duplicate_of_id": self.other_ticket.id},
        ):
            with self.subTest(create=values):
                self.assertRefused(
                    "helpdesk.ticket",
                    "create",
                    {
                        "name": "Posta lenta",
                        "description": "<p>Le email arrivano in ritardo.</p>",
                        "partner_id": self.contact.id,
                        **values,
                    },
                )
        self.assertEqual(self.env["helpdesk.ticket"].search_count([]), tickets)
        # the agent records the customer's call: the plan is the one in force,
        # the urgency is the staff's and waits for a manager's review
        ticket_id = self.call(
            "helpdesk.ticket",
            "create",
            {
                "name": "Posta lenta",
                "description": "<p>Le email arrivano in ritardo.</p>",
                "partner_id": self.contact.id,
                "is_urgent": True,
                "urgency_review": "justified",
                "support_plan_id": other_plan.id,
            },
        )
        ticket = self.env["helpdesk.ticket"].browse(ticket_id)
        self.assertEqual(ticket.support_plan_id, self.ticket.support_plan_id)
        self.assertNotEqual(ticket.support_plan_id, other_plan)
        self.assertEqual(ticket.urgency_source, "staff")
        self.assertEqual(ticket.urgency_review, "to_review")

    def test_agent_cannot_change_the_terms_or_waive_what_they_bill(self):
        """The plans, what each kind of request costs, the web design
        project's milestones and the reactivation fee are the managers': the
        access lists give agents reading only. Over JSON-RPC an agent would
        make extras free, mark a site delivered without its balance invoice,
        or waive the fee of a suspension."""
        site = self._create_product("Sito web", self.company)
        site.service_kind = "web_design"
        _contract, site_line = self._create_contract(self.customer, site, "2026-01-01")
        project = site_line.support_web_project_ids
        plan = self.ticket.support_plan_id
        rule = self.env["support.coverage.rule"].create(
            {
                "plan_id": plan.id,
                "category_id": self.env["helpdesk.ticket.category"]
                .create({"name": "Analisi log"})
                .id,
                "coverage": "extra",
                "billing_mode": "credits",
                "credits": 2,
            }
        )

        def facts():
            self.env.invalidate_all()
            return (
                plan.read(["channel_rule", "channel_ids", "team_id"]),
                rule.read(["coverage", "credits"]),
                project.read(["state", "delivered_on", "balance_invoice_id"]),
                self.suspension.read(["state", "fee_state"]),
            )

        before = facts()
        self.login(self.agent)
        for model, record, values in (
            ("support.plan", plan, {"channel_rule": "accept"}),
            ("support.plan", plan, {"channel_ids": [Command.clear()]}),
            ("support.coverage.rule", rule, {"coverage": "included"}),
            ("support.coverage.rule", rule, {"credits": 0}),
            ("support.web.project", project, {"state": "delivered"}),
            ("support.service.suspension", self.suspension, {"fee_state": "waived"}),
        ):
            with self.subTest(model=model, write=values):
                self.assertRefused(model, "write", record.ids, values)
        self.assertRefused(
            "support.coverage.rule",
            "create",
            {
                "plan_id": plan.id,
                "category_id": rule.category_id.id,
                "coverage": "included",
            },
        )
        self.assertEqual(facts(), before, "nothing written")


@tagged("post_install", "-at_install")
class TestManagerDecides(AccessCase):
    def test_manager_decides_but_a_confirmed_notice_never_goes_back(self):
        """A confirmed notice set back to draft and confirmed again would
        apply twice (a second refund): refused, even to a manager, who
        decides everything else."""
        self.login(self.manager)
        self.call("support.ticket.charge", "action_invoice", self.charge.ids)
        self.assertEqual(self.charge.state, "invoiced")
        self.assertEqual(self.other_charge.state, "to_invoice")
        self.assertEqual(self.charge.invoice_id.partner_id, self.customer)
        self.call(
            "helpdesk.ticket", "write", self.ticket.ids, {"urgency_review": "justified"}
        )
        self.assertEqual(self.ticket.urgency_review, "justified")
        self.call("support.service.suspension", "action_lift", self.suspension.ids)
        self.assertEqual(self.suspension.state, "lifted")
        self.call("support.cancellation.notice", "action_confirm", self.notice.ids)
        self.assertEqual(self.notice.state, "confirmed")
        results = len(self.notice.result_ids)
        for method, args in (
            ("action_reset_draft", [self.notice.ids]),
            ("write", [self.notice.ids, {"state": "draft"}]),
            ("write", [self.notice.ids, {"state": "rejected"}]),
        ):
            with self.subTest(method=method, args=args):
                with self.assertRaises(Exception) as caught:
                    self.call("support.cancellation.notice", method, *args)
                self.assertEqual(str(caught.exception), "odoo.exceptions.UserError")
        self.env.invalidate_all()
        self.assertEqual(self.notice.state, "confirmed")
        self.assertEqual(len(self.notice.result_ids), results)
        # a rejected notice still goes back, for a manager
        self.call(
            "support.cancellation.notice",
            "action_reset_draft",
            self.rejected_notice.ids,
        )
        self.assertEqual(self.rejected_notice.state, "draft")

    def test_manager_of_one_company_cannot_invoice_another_companys_charges(self):
        company_b = self.env["res.company"].create({"name": "Provider B Srl"})
        ticket_b = self.env["helpdesk.ticket"].create(
            {
                "name": "Richiesta in B",
                "description": "<p>Aiuto</p>",
                "partner_id": self.contact.id,
                "company_id": company_b.id,
            }
        )
        fee_b = self.env["product.product"].create(
            {"name": "Intervento extra B", "type": "service", "list_price": 80.0}
        )
        charge_b = ticket_b._add_charge("outside_plan", fee_b)
        self.login(self.manager)
        invoices = self.env["account.move"].search_count([])
        self.assertRefused("support.ticket.charge", "action_invoice", charge_b.ids)
        self.assertRefused(
            "support.ticket.charge", "write", charge_b.ids, {"price_unit": 0.0}
        )
        self.assertEqual(self.env["account.move"].search_count([]), invoices)
        self.assertEqual(charge_b.state, "to_invoice")
        self.assertEqual(charge_b.price_unit, 80.0)
