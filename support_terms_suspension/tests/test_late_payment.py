from datetime import date, timedelta
from unittest.mock import patch

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import DUE, LatePaymentCase


def day(days):
    return DUE + timedelta(days=days)


@tagged("post_install", "-at_install")
class TestOverdueSuspension(LatePaymentCase):
    def test_overdue_by_one_day_suspends_with_grace_zero(self):
        invoice = self._invoice()
        with freeze_time(day(0)):
            self.assertEqual(self.run_cron(), 0)
        self.assertFalse(self.suspensions())
        with freeze_time(day(1)):
            self.assertEqual(self.run_cron(), 1)
        suspension = self.suspensions()
        self.assertEqual(len(suspension), 1)
        self.assertEqual(suspension.reason, "overdue")
        self.assertEqual(suspension.state, "active")
        self.assertEqual(suspension.date_start, day(1))
        self.assertEqual(suspension.invoice_ids, invoice)
        self.assertEqual(suspension.line_ids, self.line)
        self.assertEqual(self.line.service_state, "suspended")
        self.assertEqual(self.line.support_suspension_reason, "Overdue payment")
        # the other customer, paid up, keeps its service
        self.assertEqual(self.other_line.service_state, "active")
        mail = self.mails(suspension, "suspended")
        self.assertEqual(len(mail), 1)
        self.assertIn(invoice.name, mail.body_html)
        self.assertIn("Overdue payment", mail.body_html)
        self.assertIn("20.00", mail.body_html)
        self.assertIn(self.line.name, mail.body_html)
        self.assertEqual(mail.recipient_ids, self.customer)
        self.assertIn(
            "Active → Suspended",
            self.contract.message_ids[0].body.replace("&gt;", ">"),
        )

    def test_emails_render_without_qweb(self):
        """Plain fields only: thousands of emails a run stay cheap to render."""
        for xmlid in ("services_suspended", "services_reactivated"):
            template = self.env.ref(f"support_terms_suspension.mail_template_{xmlid}")
            self.assertFalse(
                template._has_unsafe_expression_template_qweb(
                    template.body_html, template.model
                ),
                xmlid,
            )

    def test_suspension_email_in_the_customer_language(self):
        self.env["res.lang"]._activate_lang("it_IT")
        self.env["ir.module.module"]._load_module_terms(
            ["support_terms_suspension"], ["it_IT"]
        )
        self.customer.lang = "it_IT"
        self._invoice()
        with freeze_time(day(1)):
            self.run_cron()
        mail = self.mails(self.suspensions(), "sono sospesi")
        self.assertEqual(len(mail), 1)
        self.assertIn("i vostri servizi sono sospesi", mail.subject)
        self.assertIn("i seguenti servizi sono sospesi dal", mail.body_html)

    def test_grace_days_wait(self):
        self.company.support_overdue_grace_days = 3
        self._invoice()
        with freeze_time(day(3)):
            self.assertEqual(self.run_cron(), 0)
        self.assertEqual(self.line.service_state, "active")
        with freeze_time(day(4)):
            self.assertEqual(self.run_cron(), 1)
        self.assertEqual(self.line.service_state, "suspended")

    def test_no_email_when_the_company_wants_none(self):
        self.company.support_suspension_email = False
        self._invoice()
        with freeze_time(day(1)):
            self.run_cron()
        self.assertFalse(self.mails(self.suspensions(), "suspended"))

    def test_second_run_changes_nothing_and_new_overdue_joins_the_open_one(self):
        first = self._invoice()
        with freeze_time(day(1)):
            self.run_cron()
            self.assertEqual(self.run_cron(), 0)
        second = self._invoice(due=day(10))
        with freeze_time(day(11)):
            self.assertEqual(self.run_cron(), 1)
        suspension = self.suspensions()
        self.assertEqual(len(suspension), 1)
        self.assertEqual(suspension.invoice_ids, first | second)

    def test_partial_payment_keeps_the_suspension(self):
        invoice = self._invoice()
        with freeze_time(day(1)):
            self.run_cron()
        with freeze_time(day(2)):
            self._pay(invoice, day(2), amount=60.0)
            self.assertEqual(invoice.payment_state, "partial")
            self.run_cron()
        suspension = self.suspensions()
        self.assertEqual(suspension.state, "active")
        self.assertEqual(self.line.service_state, "suspended")
        self.assertFalse(self.fees())

    def test_full_payment_reactivates_with_one_fee(self):
        invoice = self._invoice()
        with freeze_time(day(1)):
            self.run_cron()
        suspension = self.suspensions()
        with freeze_time(day(5)):
            self._pay(invoice, day(5))
            self.assertIn(invoice.payment_state, ("paid", "in_payment"))
            self.run_cron()
        self.assertEqual(suspension.state, "lifted")
        self.assertEqual(suspension.date_lifted, day(5))
        self.assertEqual(self.line.service_state, "active")
        fee = self.fees()
        self.assertEqual(len(fee), 1)
        self.assertEqual(suspension.fee_invoice_id, fee)
        self.assertEqual(fee.state, "posted")
        self.assertEqual(fee.move_type, "out_invoice")
        self.assertEqual(fee.invoice_line_ids.product_id, self.fee_product)
        self.assertAlmostEqual(fee.amount_untaxed, 20.0)
        self.assertAlmostEqual(fee.amount_tax, 4.40)
        self.assertAlmostEqual(fee.amount_total, 24.40)
        mail = self.mails(suspension, "active again")
        self.assertEqual(len(mail), 1)
        self.assertIn(fee.name, mail.body_html)
        self.assertIn("24.40", mail.body_html)
        with freeze_time(day(5)):
            self.assertEqual(self.run_cron(), 0)
        self.assertEqual(len(self.fees()), 1)

    def test_fee_invoice_draft_by_setting(self):
        self.company.support_reactivation_fee_state = "draft"
        invoice = self._invoice()
        with freeze_time(day(1)):
            self.run_cron()
        with freeze_time(day(2)):
            self._pay(invoice, day(2))
            self.run_cron()
        self.assertEqual(self.fees().state, "draft")

    def test_two_overdue_invoices_need_both_paid(self):
        first = self._invoice()
        second = self._invoice(amount=50.0)
        with freeze_time(day(1)):
            self.run_cron()
        suspension = self.suspensions()
        self.assertEqual(suspension.invoice_ids, first | second)
        with freeze_time(day(2)):
            self._pay(first, day(2))
            self.run_cron()
        self.assertEqual(suspension.state, "active")
        self.assertEqual(self.line.service_state, "suspended")
        with freeze_time(day(3)):
            self._pay(second, day(3))
            # lifted by the payment itself
            self.assertEqual(suspension.state, "lifted")
            self.assertEqual(self.line.service_state, "active")
            # the fee by the action, right after
            self.assertFalse(self.fees())
            self.run_cron()
        self.assertEqual(len(self.fees()), 1)

    def test_paid_invoices_found_by_the_action(self):
        """A payment whose reconciliation skipped the hook is caught by the action."""
        invoice = self._invoice()
        with freeze_time(day(1)):
            self.run_cron()
        suspension = self.suspensions()
        with patch.object(
            type(self.env["account.move"]), "_invoice_paid_hook", lambda moves: None
        ):
            with freeze_time(day(2)):
                self._pay(invoice, day(2))
        self.assertEqual(suspension.state, "active")
        with freeze_time(day(3)):
            # the invoice, once to lift its suspension, once to invoice the fee
            self.assertEqual(self.run_cron(), 2)
        self.assertEqual(suspension.state, "lifted")
        self.assertEqual(len(self.fees()), 1)

    def test_reversed_payment_creates_no_second_fee(self):
        invoice = self._invoice()
        with freeze_time(day(1)):
            self.run_cron()
        with freeze_time(day(2)):
            payment = self._pay(invoice, day(2))
            self.run_cron()
            self._pay(self.fees(), day(2))
        self.assertEqual(len(self.fees()), 1)
        with freeze_time(day(3)):
            payment.action_draft()
            invoice.invalidate_recordset()
            self.assertEqual(invoice.payment_state, "not_paid")
            self.run_cron()
        # the invoice already suspended once: no new suspension for it
        self.assertEqual(len(self.suspensions()), 1)
        with freeze_time(day(4)):
            self._pay(invoice, day(4))
            self.run_cron()
        self.assertEqual(len(self.fees()), 1)
        self.assertEqual(self.line.service_state, "active")

    def test_customer_without_services_is_not_suspended(self):
        self._invoice(partner=self.other_customer)
        self.other_line.write({"service_state": "terminated"})
        with freeze_time(day(1)):
            self.assertEqual(self.run_cron(), 0)
        self.assertFalse(self.suspensions(self.other_customer))


@tagged("post_install", "-at_install")
class TestAbuseSuspension(LatePaymentCase):
    def _abuse(self, reason="spam"):
        return (
            self.env["support.service.suspension"]
            .with_user(self.manager)
            .create(
                {
                    "partner_id": self.contact.id,
                    "reason": reason,
                    "line_ids": [(6, 0, self.line.ids)],
                    "note": "Segnalazione Spamhaus",
                }
            )
        )

    def test_abuse_suspension_is_not_lifted_by_payment(self):
        suspension = self._abuse()
        self.assertEqual(suspension.partner_id, self.customer)
        self.assertEqual(self.line.service_state, "suspended")
        invoice = self._invoice()
        with freeze_time(day(1)):
            self.run_cron()
        overdue = self.suspensions().filtered(lambda s: s.reason == "overdue")
        self.assertEqual(len(overdue), 1)
        with freeze_time(day(2)):
            self._pay(invoice, day(2))
            self.run_cron()
        self.assertEqual(overdue.state, "lifted")
        self.assertEqual(suspension.state, "active")
        # still held by the abuse suspension
        self.assertEqual(self.line.service_state, "suspended")
        with self.assertRaises(AccessError):
            suspension.with_user(self.accountant).action_lift()
        suspension.with_user(self.manager).action_lift()
        self.assertEqual(suspension.state, "lifted")
        self.assertEqual(self.line.service_state, "active")
        self.assertFalse(suspension.fee_invoice_id)

    def test_suspension_without_lines_is_refused(self):
        Suspension = self.env["support.service.suspension"]
        with self.assertRaises(ValidationError) as caught:
            Suspension.create({"partner_id": self.customer.id, "reason": "authority"})
        self.assertIn("at least one service line", str(caught.exception))
        self.assertFalse(self.suspensions())
        self.assertEqual(self.line.service_state, "active")

    def test_lines_of_another_customer_are_refused(self):
        with self.assertRaises(ValidationError) as caught:
            self.env["support.service.suspension"].create(
                {
                    "partner_id": self.customer.id,
                    "reason": "illicit",
                    "line_ids": [(6, 0, self.other_line.ids)],
                }
            )
        self.assertIn("are not of", str(caught.exception))
        self.assertEqual(self.other_line.service_state, "active")

    def test_one_open_overdue_suspension_per_customer_in_the_database(self):
        from psycopg2 import IntegrityError

        from odoo.tools import mute_logger

        values = {
            "partner_id": self.customer.id,
            "reason": "overdue",
            "line_ids": [(6, 0, self.line.ids)],
        }
        self.env["support.service.suspension"].create(values)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.env["support.service.suspension"].create(values)


@tagged("post_install", "-at_install")
class TestServiceState(LatePaymentCase):
    def test_every_change_calls_the_hook_and_logs_on_the_contract(self):
        calls = []
        line_class = type(self.env["contract.line"])
        original = line_class._on_service_state_change

        def record(lines, old_states):
            calls.append(({line.id: line.service_state for line in lines}, old_states))
            return original(lines, old_states)

        with patch.object(line_class, "_on_service_state_change", record):
            self.line.write({"service_state": "suspended"})
            self.line.write({"service_state": "suspended"})  # no change, no call
            self.line.with_user(self.manager).action_terminate_service()
        self.assertEqual(
            calls,
            [
                ({self.line.id: "suspended"}, {self.line.id: "active"}),
                ({self.line.id: "terminated"}, {self.line.id: "suspended"}),
            ],
        )
        self.assertIn("Suspended → Terminated", self.contract.message_ids[0].body)

    def test_only_a_manager_terminates(self):
        with self.assertRaises(AccessError):
            self.line.with_user(self.accountant).action_terminate_service()
        self.assertEqual(self.line.service_state, "active")

    def test_suspended_line_invoiced_terminated_never(self):
        self.line.write({"service_state": "suspended"})
        self.other_line.write({"service_state": "terminated"})
        with freeze_time(date(2026, 1, 2)):
            self.contract._recurring_create_invoice()
            self.other_contract._recurring_create_invoice()
        invoiced = self.env["account.move.line"].search(
            [("contract_line_id", "in", (self.line | self.other_line).ids)]
        )
        self.assertEqual(invoiced.contract_line_id, self.line)


@tagged("post_install", "-at_install")
class TestLatePaymentSettings(LatePaymentCase):
    def _assert_refused(self, record, values, message):
        before = record.read(list(values))[0]
        with self.assertRaises(ValidationError) as caught:
            record.write(values)
        self.assertIn(message, str(caught.exception))
        self.assertEqual(record.read(list(values))[0], before)

    def test_negative_grace_days(self):
        self._assert_refused(
            self.company, {"support_overdue_grace_days": -1}, "cannot be negative"
        )

    def test_negative_fee(self):
        self._assert_refused(
            self.fee_product.product_tmpl_id,
            {"list_price": -20.0},
            "cannot be negative",
        )

    def test_fee_product_without_sales_tax(self):
        untaxed = self._create_product("Riattivazione senza IVA", self.company)
        untaxed.taxes_id = [(5, 0, 0)]
        self._assert_refused(
            self.company,
            {"support_reactivation_fee_product_id": untaxed.id},
            "has no sales tax",
        )
        self._assert_refused(
            self.fee_product.product_tmpl_id,
            {"taxes_id": [(5, 0, 0)]},
            "has no sales tax",
        )

    def test_settings_form_writes_the_company(self):
        settings = self.env["res.config.settings"].create(
            {"support_overdue_grace_days": 5, "support_do_not_renew_threshold": 3}
        )
        settings.execute()
        self.assertEqual(self.company.support_overdue_grace_days, 5)
        self.assertEqual(self.company.support_do_not_renew_threshold, 3)


@tagged("post_install", "-at_install")
class TestSuspensionKilledHalfway(LatePaymentCase):
    """Killed halfway and run again, the action ends as one clean run does."""

    def setUp(self):
        super().setUp()
        self.env["ir.config_parameter"].set_param(
            "support_terms.overdue_suspension_batch_size", 1
        )
        self.customers = self.customer | self.other_customer
        self.third = self.env["res.partner"].create(
            {"name": "Verdi Studio", "is_company": True, "email": "v@verdi.example"}
        )
        self._create_contract(self.third, self.product_hosting, "2026-01-01")
        self.customers |= self.third
        self.invoices = self.env["account.move"]
        for partner in self.customers:
            self.invoices |= self._invoice(partner=partner)

    def _kill_in_second_batch(self, method_name):
        self.run_killed(self.run_cron, "support.service.suspension", method_name)

    def test_killed_halfway_then_run_again(self):
        with freeze_time(day(1)):
            self._kill_in_second_batch("_suspend_for_invoices")
            self.assertEqual(
                len(
                    self.env["support.service.suspension"].search(
                        [("partner_id", "in", self.customers.ids)]
                    )
                ),
                1,
            )
            self.assertEqual(self.run_cron(), 2)
            self.assertEqual(self.run_cron(), 0)
        for partner in self.customers:
            self.assertEqual(len(self.suspensions(partner)), 1)
        with freeze_time(day(2)):
            for invoice in self.invoices:
                with patch.object(
                    type(self.env["account.move"]), "_invoice_paid_hook", lambda m: None
                ):
                    self._pay(invoice, day(2))
            self.run_killed(
                self.run_cron, "support.service.suspension", "_lift_settled"
            )
            # two suspensions to lift, then three fees to invoice
            self.assertEqual(self.run_cron(), 5)
            self.assertEqual(self.run_cron(), 0)
        for partner in self.customers:
            suspension = self.suspensions(partner)
            self.assertEqual(suspension.state, "lifted")
            self.assertEqual(len(self.fees(partner)), 1)


@tagged("post_install", "-at_install")
class TestSuspensionPortalAccess(LatePaymentCase):
    def test_portal_user_sees_only_its_own_suspensions(self):
        Suspension = self.env["support.service.suspension"]
        own = Suspension.create(
            {
                "partner_id": self.customer.id,
                "reason": "spam",
                "line_ids": self.line.ids,
            }
        )
        other = Suspension.create(
            {
                "partner_id": self.other_customer.id,
                "reason": "authority",
                "line_ids": self.other_line.ids,
            }
        )
        portal = self._portal_user(self.contact, "st7_portal_mario")
        as_portal = Suspension.with_user(portal)
        self.assertEqual(as_portal.search([]), own)
        self.assertEqual(own.with_user(portal).reason, "spam")
        with self.assertRaises(AccessError):
            other.with_user(portal).read(["reason"])
        with self.assertRaises(AccessError):
            own.with_user(portal).write({"note": "sbloccate!"})
        with self.assertRaises(AccessError):
            own.with_user(portal).action_lift()
        self.assertEqual(own.state, "active")


@tagged("post_install", "-at_install")
class TestLatePaymentTwoCompanies(LatePaymentCase):
    def _second_company(self):
        """Provider B, its own grace days and a service of the same customer
        with an overdue invoice; the first company's invoice overdue too."""
        company_b = self._other_company("Provider B Srl")
        company_b.write(
            {
                "support_overdue_suspension": True,
                "support_overdue_grace_days": 5,
                "support_reactivation_fee_product_id": False,
            }
        )
        product_b = self._create_product("Hosting B", company_b)
        _contract_b, line_b = self._create_contract(
            self.customer, product_b, "2026-01-01", company=company_b
        )
        invoice_b = (
            self.env["account.move"]
            .with_company(company_b)
            .create(
                {
                    "move_type": "out_invoice",
                    "partner_id": self.customer.id,
                    "company_id": company_b.id,
                    "invoice_date": date(2026, 2, 1),
                    "invoice_date_due": DUE,
                    "invoice_payment_term_id": False,
                    "invoice_line_ids": [
                        (0, 0, {"name": "Hosting B", "quantity": 1, "price_unit": 80})
                    ],
                }
            )
        )
        invoice_b.action_post()
        self._invoice()
        return company_b, line_b, invoice_b

    def test_each_company_its_grace_days_and_its_suspensions(self):
        company_b, line_b, invoice_b = self._second_company()
        with freeze_time(day(2)):
            self.assertEqual(self.run_cron(), 1)
        self.assertEqual(self.line.service_state, "suspended")
        self.assertEqual(line_b.service_state, "active")
        with freeze_time(day(6)):
            self.assertEqual(self.run_cron(), 1)
        suspension_b = self.suspensions().filtered(lambda s: s.company_id == company_b)
        self.assertEqual(suspension_b.line_ids, line_b)
        self.assertEqual(suspension_b.invoice_ids, invoice_b)
        self.assertEqual(len(self.suspensions()), 2)
        # a user of the first company only never sees the other's suspension
        self.assertEqual(
            self.env["support.service.suspension"]
            .with_user(self.manager)
            .search([("partner_id", "=", self.customer.id)])
            .company_id,
            self.company,
        )

    def test_each_company_suspends_on_its_own_day(self):
        """Provider B in New York, 5 grace days: at 00:30 UTC on the sixth day
        it is still the fifth in New York, and its customer keeps its service
        until New York's sixth day, which its suspension starts on."""
        company_b, line_b, _invoice_b = self._second_company()
        company_b.partner_id.tz = "America/New_York"
        with freeze_time(f"{day(6)} 00:30:00"):
            self.run_cron()
        self.assertEqual(self.suspensions().company_id, self.company)
        self.assertEqual(line_b.service_state, "active")
        with freeze_time(f"{day(6)} 05:30:00"):
            self.run_cron()
        suspension_b = self.suspensions().filtered(lambda s: s.company_id == company_b)
        self.assertEqual(suspension_b.line_ids, line_b)
        self.assertEqual(suspension_b.date_start, day(6))
        self.assertEqual(line_b.service_state, "suspended")

    def test_lifted_on_each_company_day(self):
        """A manager of both providers lifts both suspensions at 19:30 in New
        York, 01:30 the next day in Rome: each is lifted on its company's
        day."""
        company_b, _line_b, _invoice_b = self._second_company()
        company_b.partner_id.tz = "America/New_York"
        with freeze_time(f"{day(6)} 12:00:00"):
            self.run_cron()
        both = self.suspensions()
        self.assertEqual(both.company_id, self.company | company_b)
        with freeze_time(f"{day(9)} 00:30:00"):
            both.action_lift()
        lifted = {s.company_id: s.date_lifted for s in both}
        self.assertEqual(lifted, {self.company: day(9), company_b: day(8)})
