from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common_access import AccessCase


class CreditRuleCase(AccessCase):
    """The customer's plan bills log analysis with 2 prepaid credits and
    covers outages; both customers hold 10 credits."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Category = cls.env["helpdesk.ticket.category"]
        cls.cat_logs = Category.create({"name": "Analisi dei log"})
        cls.cat_outage = Category.create({"name": "Disservizio"})
        Rule = cls.env["support.coverage.rule"]
        cls.rule_logs = Rule.create(
            {
                "plan_id": cls.plan_assistance.id,
                "category_id": cls.cat_logs.id,
                "coverage": "extra",
                "billing_mode": "credits",
                "credits": 2,
            }
        )
        Rule.create(
            {
                "plan_id": cls.plan_assistance.id,
                "category_id": cls.cat_outage.id,
                "coverage": "included",
            }
        )
        cls.overdraft = cls._create_product("Credito mancante", cls.company)
        cls.overdraft.lst_price = 15.0
        cls.company.write(
            {
                "support_credit_allow_overdraft": True,
                "support_credit_overdraft_product_id": cls.overdraft.id,
            }
        )
        cls.ticket.category_id = cls.cat_logs
        cls.covered_ticket = cls._new_ticket(cls.contact)
        cls.covered_ticket.category_id = cls.cat_outage

    def counts(self):
        self.env.invalidate_all()
        return {
            "credit moves": self.env["support.credit.move"].search_count([]),
            "charges": self.env["support.ticket.charge"].search_count([]),
            "balance": self.customer.support_credit_balance,
        }

    def charge_credits(self, ticket, amount=None):
        """The agent's clicks: the wizard of the request, then Confirm."""
        values = {"ticket_id": ticket.id}
        if amount is not None:
            values["credits"] = amount
        wizard_id = self.call("support.credit.charge.wizard", "create", values)
        return self.call("support.credit.charge.wizard", "action_confirm", [wizard_id])


@tagged("post_install", "-at_install")
class TestAgentChargesWhatTheTermsSay(CreditRuleCase):
    """ "Ogni intervento extra ha un costo in crediti": the price of an extra
    is the provider's rule. An agent charges exactly what the rule of the
    request says, on an extra paid by credits, within the customer's
    balance; anything else is a manager's decision."""

    def test_agent_charges_the_rules_credits(self):
        self.assertEqual(self.ticket.coverage, "extra")
        self.login(self.agent)
        before = self.counts()
        self.charge_credits(self.ticket)
        after = self.counts()
        self.assertEqual(after["credit moves"], before["credit moves"] + 1)
        self.assertEqual(after["balance"], before["balance"] - 2)
        self.assertEqual(after["charges"], before["charges"])
        self.assertEqual(self.ticket.support_credits_charged, 2)

    def test_agent_cannot_type_another_amount(self):
        self.login(self.agent)
        before = self.counts()
        for amount in (500, 1, 2.5):
            with self.subTest(amount=amount):
                self.assertRefused(
                    "support.credit.charge.wizard",
                    "action_confirm",
                    [
                        self.call(
                            "support.credit.charge.wizard",
                            "create",
                            {"ticket_id": self.ticket.id, "credits": amount},
                        )
                    ],
                )
        self.assertEqual(self.counts(), before)

    def test_agent_cannot_charge_a_covered_request(self):
        self.assertEqual(self.covered_ticket.coverage, "included")
        self.login(self.agent)
        before = self.counts()
        with self.assertRaisesRegex(Exception, "AccessError"):
            self.charge_credits(self.covered_ticket, 1)
        with self.assertRaisesRegex(Exception, "AccessError"):
            self.charge_credits(self.covered_ticket)
        self.assertEqual(self.counts(), before)

    def test_agent_cannot_create_a_shortfall(self):
        self.rule_logs.credits = 12  # more than the 10 left
        self.login(self.agent)
        before = self.counts()
        with self.assertRaisesRegex(Exception, "AccessError"):
            self.charge_credits(self.ticket)
        self.assertEqual(self.counts(), before)

    def test_agent_charges_a_request_once(self):
        self.login(self.agent)
        self.charge_credits(self.ticket)
        before = self.counts()
        with self.assertRaisesRegex(Exception, "AccessError"):
            self.charge_credits(self.ticket)
        self.assertEqual(self.counts(), before)
        self.assertEqual(self.ticket.support_credits_charged, 2)

    def test_credits_expired_today_do_not_pay_for_an_agents_charge(self):
        """A pack expired yesterday that the nightly action has not yet
        written off still shows in the balance: the credits really usable
        decide, and missing ones are a manager's to bill."""
        self.env["support.credit.move"].create(
            {
                "partner_id": self.customer.id,
                "company_id": self.company.id,
                "move_type": "grant",
                "quantity": 10,
                "expiry_date": self._days(-1),
            }
        )
        self.rule_logs.credits = 12  # 20 in the balance, 10 usable
        self.login(self.agent)
        before = self.counts()
        with self.assertRaisesRegex(Exception, "AccessError"):
            self.charge_credits(self.ticket)
        self.assertEqual(self.counts(), before)
        self.assertFalse(
            self.ticket.support_charge_ids.filtered(
                lambda c: c.kind == "credit_shortfall"
            )
        )

    def test_refusal_says_why_in_the_users_language(self):
        self.env["res.lang"]._activate_lang("it_IT")
        self.env["ir.module.module"]._load_module_terms(
            ["support_terms_coverage"], ["it_IT"]
        )
        wizard = (
            self.env["support.credit.charge.wizard"]
            .with_user(self.agent)
            .with_context(lang="it_IT")
            .create({"ticket_id": self.ticket.id, "credits": 500})
        )
        with self.assertRaises(AccessError) as caught:
            wizard.action_confirm()
        self.assertIn("Solo un responsabile", str(caught.exception))
        self.assertIn("500", str(caught.exception))

    def test_manager_decides_another_amount_and_the_shortfall(self):
        self.login(self.manager)
        before = self.counts()
        self.charge_credits(self.ticket, 4)
        self.assertEqual(self.counts()["balance"], before["balance"] - 4)
        self.charge_credits(self.ticket, 9)  # 6 left: 3 missing, billed
        after = self.counts()
        self.assertEqual(after["balance"], 0)
        shortfall = self.ticket.support_charge_ids.filtered(
            lambda c: c.kind == "credit_shortfall"
        )
        self.assertEqual(shortfall.quantity, 3)
        self.assertEqual(shortfall.price_unit, 15.0)


@tagged("post_install", "-at_install")
class TestPortalReadsOnlyItsOwnOcaRows(AccessCase):
    """A portal customer reads its own contracts' changes and its own
    requests' SLAs, never another customer's, over JSON-RPC."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Modification = cls.env["contract.modification"].with_context(
            bypass_modification_send=True
        )
        cls.modification = Modification.create(
            {
                "contract_id": cls.line.contract_id.id,
                "date": cls.today,
                "description": "Spazio web portato a 10 GB",
            }
        )
        cls.other_modification = Modification.create(
            {
                "contract_id": cls.other_line.contract_id.id,
                "date": cls.today,
                "description": "Sconto riservato del 40% a Bianchi",
            }
        )
        sla = cls.env["helpdesk.sla"].create({"name": "Presa in carico 4 ore"})
        TicketSla = cls.env["helpdesk.ticket.sla"]
        cls.ticket_sla = TicketSla.create(
            {"ticket_id": cls.ticket.id, "sla_id": sla.id}
        )
        cls.other_ticket_sla = TicketSla.create(
            {"ticket_id": cls.other_ticket.id, "sla_id": sla.id}
        )

    def test_contract_changes_of_another_customer_are_not_read(self):
        self.login(self.mario)
        rows = self.call(
            "contract.modification", "search_read", [], fields=["description"]
        )
        self.assertIn(self.modification.id, [row["id"] for row in rows])
        self.assertNotIn(self.other_modification.id, [row["id"] for row in rows])
        self.assertRefused(
            "contract.modification",
            "read",
            self.other_modification.ids,
            ["description"],
        )

    def test_sla_of_another_customers_request_is_not_read(self):
        self.login(self.mario)
        rows = self.call(
            "helpdesk.ticket.sla", "search_read", [], fields=["ticket_id", "sla_id"]
        )
        ids = [row["id"] for row in rows]
        self.assertNotIn(self.other_ticket_sla.id, ids)
        self.assertNotIn(self.other_ticket.id, [row["ticket_id"][0] for row in rows])
        self.assertIn(self.ticket_sla.id, ids)
        self.assertRefused(
            "helpdesk.ticket.sla", "read", self.other_ticket_sla.ids, ["ticket_id"]
        )
        # what staff record of the monitor stays with staff
        own = self.call("helpdesk.ticket.sla", "read", self.ticket_sla.ids)
        self.assertNotIn("warned", own[0])
        self.assertNotIn("escalated", own[0])

    def test_an_agent_reads_no_sla_of_another_company(self):
        other_company = self.env["res.company"].create({"name": "Altra Srl"})
        ticket = (
            self.env["helpdesk.ticket"]
            .with_company(other_company)
            .create(
                {
                    "name": "Segreto di Altra",
                    "description": "<p>Riservato</p>",
                    "company_id": other_company.id,
                }
            )
        )
        sla = self.env["helpdesk.sla"].create({"name": "Altra 4 ore"})
        hidden = self.env["helpdesk.ticket.sla"].create(
            {"ticket_id": ticket.id, "sla_id": sla.id}
        )
        self.login(self.agent)
        rows = self.call("helpdesk.ticket.sla", "search_read", [], fields=["id"])
        self.assertNotIn(hidden.id, [row["id"] for row in rows])
        self.assertRefused("helpdesk.ticket.sla", "read", hidden.ids, ["ticket_id"])

    def test_every_model_a_portal_user_reads_is_filtered_for_it(self):
        """Each model of these addons, or of the OCA addons they install,
        that a portal user may read is either the provider's catalogue
        (stages, teams, kinds of request, SLA definitions) or filtered by a
        record rule to the customer's own rows."""
        catalogue = {
            "helpdesk.ticket.stage",
            "helpdesk.ticket.team",
            "helpdesk.ticket.category",
            "helpdesk.ticket.channel",
            "helpdesk.sla",
        }
        portal = self.env.ref("base.group_portal")
        modules = ("support_terms", "helpdesk_mgmt", "contract")
        models = set()
        for access in self.env["ir.model.access"].search(
            [("perm_read", "=", True), ("group_id", "in", [portal.id, False])]
        ):
            model = access.model_id
            if all(name.startswith(modules) for name in model.modules.split(", ")):
                models.add(model.model)
        self.assertIn("contract.modification", models)
        self.assertIn("helpdesk.ticket.sla", models)
        unfiltered = set()
        for model in models - catalogue:
            rules = self.env["ir.rule"].search(
                [
                    ("model_id.model", "=", model),
                    ("perm_read", "=", True),
                    ("groups", "in", portal.ids),
                ]
            )
            if not rules:
                unfiltered.add(model)
        self.assertFalse(unfiltered, "models a portal user reads unfiltered")


@tagged("post_install", "-at_install")
class TestUrgencyAlwaysReviewed(AccessCase):
    """ "Le richieste di assistenza che non presenteranno i requisiti di
    urgenza [...] saranno soggette a tariffazione extra": an urgency set by
    staff is always reviewed, whatever its source claims."""

    def test_agent_cannot_forge_the_urgency_source(self):
        calm = self._new_ticket(self.contact)
        calm.write({"is_urgent": False, "urgency_review": False, "priority": "1"})
        source = calm.urgency_source
        self.login(self.agent)
        tickets = self.env["helpdesk.ticket"].search_count([])
        for values in (
            {"is_urgent": True, "urgency_source": "email"},
            {"urgency_source": "portal"},
            {"urgency_date": "2026-01-01 00:00:00"},
        ):
            with self.subTest(values=values):
                self.assertRefused("helpdesk.ticket", "write", calm.ids, values)
        self.assertRefused(
            "helpdesk.ticket",
            "create",
            {
                "name": "Sito fermo",
                "description": "<p>Giù</p>",
                "partner_id": self.contact.id,
                "is_urgent": True,
                "urgency_source": "email",
            },
        )
        self.env.invalidate_all()
        self.assertFalse(calm.is_urgent)
        self.assertEqual(calm.urgency_source, source)
        self.assertEqual(self.env["helpdesk.ticket"].search_count([]), tickets)

    def test_agent_cannot_deliver_an_email_in_the_customers_name(self):
        """The mail gateway is the incoming mail server's, not a method an
        agent calls with a forged From."""
        raw = (
            f"From: Mario Rossi <{self.contact.email}>\n"
            "To: assistenza@example.com\n"
            f"Subject: Re: URGENTE {self.ticket.name}\n"
            "Message-ID: <forged@example.com>\n"
            "Content-Type: text/plain; charset=utf-8\n\nTutto fermo!\n"
        )
        tickets = self.env["helpdesk.ticket"].search_count([])
        self.login(self.agent)
        self.assertRefused(
            "mail.thread", "message_process", "helpdesk.ticket", raw, None
        )
        self.env.invalidate_all()
        self.assertEqual(self.env["helpdesk.ticket"].search_count([]), tickets)
        self.assertFalse(
            self.env["mail.message"].search(
                [("message_id", "=", "<forged@example.com>")]
            )
        )

    def test_urgency_set_by_staff_goes_to_review(self):
        calm = self._new_ticket(self.contact)
        calm.write({"is_urgent": False, "urgency_review": False, "priority": "1"})
        self.login(self.agent)
        self.call("helpdesk.ticket", "write", calm.ids, {"is_urgent": True})
        self.env.invalidate_all()
        self.assertEqual(calm.urgency_source, "staff")
        self.assertEqual(calm.urgency_review, "to_review")


@tagged("post_install", "-at_install")
class TestServicesEndOnlyByTheirRules(AccessCase):
    """A manager who may read a service but not change its contract does not
    terminate it."""

    def test_terminate_needs_the_right_to_change_the_service(self):
        """A provider lets its managers read every service but change only
        those of their own branch (a record rule on writing)."""
        managers = self.env.ref("support_terms_base.group_support_terms_manager")
        self.env["ir.rule"].create(
            {
                "name": "managers change the services of their branch",
                "model_id": self.env.ref("contract.model_contract_line").id,
                "groups": [(6, 0, managers.ids)],
                "domain_force": f"[('id', '!=', {self.line.id})]",
                "perm_read": False,
                "perm_create": False,
                "perm_unlink": False,
                "perm_write": True,
            }
        )
        self.login(self.manager)
        self.assertRefused("contract.line", "action_terminate_service", self.line.ids)
        self.env.invalidate_all()
        self.assertNotEqual(self.line.service_state, "terminated")
        self.call("contract.line", "action_terminate_service", self.other_line.ids)
        self.env.invalidate_all()
        self.assertEqual(self.other_line.service_state, "terminated")
