from odoo.tests import tagged

from .common_access import AccessCase


@tagged("post_install", "-at_install")
class TestPortalCannotDecide(AccessCase):
    """Portal customers call every public action of the addon over JSON-RPC,
    on their own records and on the other customer's: each is refused and
    nothing changes."""

    def _actions(self, own):
        """(model, method, ids) of every public action, on ``own``'s records
        or the other customer's."""
        mine = own == self.customer
        charge = self.charge if mine else self.other_charge
        notice = self.notice if mine else self.other_notice
        suspension = self.suspension if mine else self.other_suspension
        line = self.line if mine else self.other_line
        ticket = self.ticket if mine else self.other_ticket
        return [
            ("support.ticket.charge", "action_invoice", charge.ids),
            (
                "support.ticket.charge",
                "action_invoice",
                (self.charge | self.other_charge).ids,
            ),
            ("support.ticket.charge", "action_cancel", charge.ids),
            ("support.cancellation.notice", "action_confirm", notice.ids),
            ("support.cancellation.notice", "action_reset_draft", notice.ids),
            (
                "support.cancellation.notice",
                "action_reset_draft",
                self.rejected_notice.ids,
            ),
            ("support.service.suspension", "action_lift", suspension.ids),
            ("contract.line", "action_terminate_service", line.ids),
            ("helpdesk.ticket", "action_charge_fixed_fee", ticket.ids),
            ("helpdesk.ticket", "action_charge_channel", ticket.ids),
            ("helpdesk.ticket", "action_create_quote", ticket.ids),
        ]

    def _writes(self, own):
        mine = own == self.customer
        charge = self.charge if mine else self.other_charge
        notice = self.notice if mine else self.other_notice
        ticket = self.ticket if mine else self.other_ticket
        suspension = self.suspension if mine else self.other_suspension
        return [
            ("support.ticket.charge", charge, {"price_unit": 0.0}),
            ("support.ticket.charge", charge, {"state": "cancelled"}),
            ("support.ticket.charge", charge, {"partner_id": self.other_customer.id}),
            ("support.cancellation.notice", notice, {"state": "confirmed"}),
            ("support.service.suspension", suspension, {"state": "lifted"}),
            ("support.service.suspension", suspension, {"note": "sbloccate!"}),
            ("helpdesk.ticket", ticket, {"urgency_review": "justified"}),
            (
                "helpdesk.ticket",
                ticket,
                {"coverage": "included", "coverage_override_reason": "incluso"},
            ),
            ("res.partner", own, {"do_not_renew": False}),
        ]

    def _refuse_everything(self, user, own):
        self.login(user)
        before = self.snapshot()
        for other in (own, (self.customer | self.other_customer) - own):
            for model, method, ids in self._actions(other):
                with self.subTest(user=user.login, model=model, method=method, ids=ids):
                    self.assertRefused(model, method, ids)
            for model, record, values in self._writes(other):
                with self.subTest(user=user.login, model=model, write=values):
                    self.assertRefused(model, "write", record.ids, values)
        self.assertEqual(self.snapshot(), before, "nothing written")

    def test_portal_customers_call_every_manager_action_refused(self):
        """Any logged-in user used to invoice every customer's pending charges."""
        self._refuse_everything(self.mario, self.customer)
        self._refuse_everything(self.giulia, self.other_customer)

    def test_portal_cannot_run_what_the_system_runs(self):
        """The renewal (public in OCA) and the mail gateway's hooks, which
        write as superuser, are not for remote calls."""
        calm = self._new_ticket(self.contact)
        calm.write({"is_urgent": False, "urgency_review": False, "priority": "1"})
        self.login(self.mario)
        self.assertRefused("contract.line", "cron_renew_contract_line")
        self.assertRefused(
            "helpdesk.ticket", "message_update", calm.ids, {"subject": "URGENTE"}
        )
        self.assertRefused(
            "helpdesk.ticket",
            "message_new",
            {"subject": "URGENTE", "from": "mario@rossi.example"},
        )
        self.env.invalidate_all()
        self.assertFalse(calm.is_urgent)
        self.assertEqual(calm.priority, "1")


@tagged("post_install", "-at_install")
class TestPortalReadsCustomerFields(AccessCase):
    """A customer reads its own tickets, services, suspensions (the reason, not
    the internal note), credits and charges; nothing else, no staff field."""

    # (model, record, field, searched as stored)
    STAFF_FIELDS = [
        ("support.service.suspension", "suspension", "note", True),
        ("helpdesk.ticket", "ticket", "coverage_override_reason", True),
        ("helpdesk.ticket", "ticket", "urgency_review", True),
        ("res.partner", "customer", "do_not_renew", True),
        ("res.partner", "customer", "support_may_cancel_services", True),
        ("res.partner", "customer", "late_payment_count", False),
        ("support.plan", "plan_assistance", "customer_ids", False),
        ("support.plan", "plan_assistance", "ticket_count", False),
    ]

    def test_portal_reads_no_staff_field_of_its_own_records(self):
        self.login(self.mario)
        for model, attribute, fname, stored in self.STAFF_FIELDS:
            record = getattr(self, attribute)
            with self.subTest(model=model, field=fname):
                self.assertRefused(model, "read", record.ids, [fname])
                self.assertRefused(
                    model, "web_read", record.ids, specification={fname: {}}
                )
                if stored:
                    self.assertRefused(
                        model, "search_read", [(fname, "!=", False)], fields=["id"]
                    )

    def test_portal_cannot_probe_who_holds_its_plan(self):
        """Searching plans by customer would tell whether another customer
        holds the same plan."""
        self.login(self.mario)
        self.assertRefused(
            "support.plan", "search", [("customer_ids", "in", [self.other_customer.id])]
        )
        self.assertRefused(
            "support.coverage.rule",
            "search",
            [("plan_id.customer_ids", "in", [self.other_customer.id])],
        )

    def test_portal_reads_its_suspension_reason_not_the_note(self):
        self.login(self.mario)
        rows = self.call(
            "support.service.suspension", "search_read", [], fields=["reason", "state"]
        )
        self.assertEqual([row["id"] for row in rows], self.suspension.ids)
        self.assertEqual(rows[0]["reason"], "spam")
        self.assertNotIn("note", rows[0])
        # reading "everything" leaves the internal note out
        everything = self.call(
            "support.service.suspension", "read", self.suspension.ids
        )
        self.assertNotIn("note", everything[0])

    def test_each_customer_reads_only_its_own_records_and_plan(self):
        """The plan both customers hold never tells one about the other."""
        own = {
            "helpdesk.ticket": self.ticket,
            "support.ticket.charge": self.charge,
            "support.service.suspension": self.suspension,
            "support.cancellation.notice": self.notice | self.rejected_notice,
            "support.credit.move": self.env["support.credit.move"].search(
                [("partner_id", "=", self.customer.id)]
            ),
        }
        other = {
            "helpdesk.ticket": self.other_ticket,
            "support.ticket.charge": self.other_charge,
            "support.service.suspension": self.other_suspension,
            "support.cancellation.notice": self.other_notice,
            "support.credit.move": self.env["support.credit.move"].search(
                [("partner_id", "=", self.other_customer.id)]
            ),
        }
        self.login(self.mario)
        for model, records in own.items():
            with self.subTest(model=model):
                found = self.call(model, "search", [])
                self.assertEqual(sorted(found), sorted(records.ids))
                self.assertRefused(model, "read", other[model].ids, ["display_name"])
        lines = self.call("contract.line", "search", [])
        self.assertNotIn(self.other_line.id, lines)
        self.assertIn(self.line.id, lines)
        plans = self.call("support.plan", "search_read", [], fields=["name"])
        self.assertEqual([p["id"] for p in plans], self.plan_assistance.ids)
        everything = self.call("support.plan", "read", self.plan_assistance.ids)
        self.assertNotIn("customer_ids", everything[0])
        self.assertNotIn("ticket_count", everything[0])
