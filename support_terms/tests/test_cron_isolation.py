from datetime import date

from freezegun import freeze_time

from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.support_terms_auto_close.tests.test_cron_isolation import (
    TOOLS_LOGGER,
    FailureChecks,
)

from .common_coverage import CoverageCase
from .common_late_payment import LatePaymentCase
from .common_renewal import RenewalCase


@tagged("post_install", "-at_install")
class TestChargeInvoicingIsolation(FailureChecks, CoverageCase):
    @mute_logger("odoo.sql_db")
    def test_charge_set_back_to_invoice_does_not_stop_the_others(self):
        cron = self.env.ref("support_terms_coverage.ir_cron_invoice_charges")
        self.env["ir.config_parameter"].set_param(
            "support_terms.charge_invoicing_batch_size", 2
        )
        self._create_contract(self.other_customer, self.product_basic, "2026-01-01")
        poison_ticket = self._ticket(self.cat_misuse)
        poison_ticket.action_charge_fixed_fee()
        poison = poison_ticket.support_charge_ids
        poison.action_invoice()
        self.assertEqual(poison.state, "invoiced")
        # invoiced, then set back by hand: invoicing it again must fail
        poison.sudo().write({"state": "to_invoice"})
        others = self.env["support.ticket.charge"]
        for partner in (self.contact, self.other_customer, self.other_customer):
            ticket = self._ticket(self.cat_misuse, partner=partner)
            ticket.action_charge_fixed_fee()
            others |= ticket.support_charge_ids
        invoices_before = self.env["account.move"].search_count([])
        self.run_with_poison(lambda: self.run_like_the_cron_worker(cron))
        self.assertEqual(set(others.mapped("state")), {"invoiced"})
        for charge in others:
            self.assertEqual(len(charge.invoice_line_ids), 1)
        # the customer's other charge was invoiced without the poisoned one
        self.assertEqual(self.env["account.move"].search_count([]), invoices_before + 2)
        self.assertEqual(len(poison.invoice_line_ids), 1)
        self.assert_set_aside(poison, 1, "support_charge")
        # the next run tries it again (and still refuses a second invoice line)
        self.run_with_poison(lambda: self.run_like_the_cron_worker(cron))
        self.assert_set_aside(poison, 2, "support_charge")
        self.assertEqual(len(poison.invoice_line_ids), 1)
        # staff put it back where it belongs: the failure is forgotten
        poison.sudo().write({"state": "invoiced"})
        self.run_like_the_cron_worker(cron)
        self.assertFalse(self.failure(poison))


@tagged("post_install", "-at_install")
class TestCreditExpiryIsolation(FailureChecks, CoverageCase):
    @mute_logger("odoo.sql_db")
    def test_pack_edited_after_its_expiry_does_not_stop_the_others(self):
        cron = self.env.ref("support_terms_coverage.ir_cron_expire_credits")
        self.company.support_credit_grant_on = "posted"
        self.env["ir.config_parameter"].set_param(
            "support_terms.credit_expiry_batch_size", 2
        )
        with freeze_time("2025-06-01"):
            self._invoice(date=date(2025, 6, 1))
        with freeze_time("2026-06-01"):
            self.run_like_the_cron_worker(cron)
        poison = self._grants()
        self.assertEqual(self._balance(), 0)
        # expired, then corrected by hand from 10 to 12 credits: 2 left to
        # expire, but the pack already has its one expiry
        poison.sudo().quantity = 12
        self.assertEqual(poison.remaining, 2)
        with freeze_time("2025-07-01"):
            for partner in (self.customer, self.other_customer, self.other_customer):
                self._invoice(date=date(2025, 7, 1), partner=partner)
        others = self._grants() - poison | self._grants(self.other_customer)
        self.assertEqual(len(others), 3)
        with freeze_time("2026-07-02"):
            self.run_with_poison(lambda: self.run_like_the_cron_worker(cron))
            self.assertEqual(set(others.mapped("remaining")), {0})
            self.assertEqual(poison.remaining, 2)
            self.assert_set_aside(poison, 1, "support_credit_move_one_expiry")
            self.run_with_poison(lambda: self.run_like_the_cron_worker(cron))
            self.assert_set_aside(poison, 2, "support_credit_move_one_expiry")
        expiries = self.env["support.credit.move"].search(
            [("move_type", "=", "expiry")]
        )
        self.assertEqual(len(expiries), 4)
        self.assertEqual(len(expiries.pack_id), 4)


@tagged("post_install", "-at_install")
class TestRenewalIsolation(FailureChecks, RenewalCase):
    def test_line_oca_cannot_renew_does_not_stop_the_others(self):
        """A line typed to renew every -1 years: OCA's renew() refuses it."""
        self.env["ir.config_parameter"].set_param("support_terms.renewal_batch_size", 2)
        plain = self._create_product("Hosting senza politica", self.company)
        lines = self.env["contract.line"]
        for partner in (self.customer, self.other_customer, self.customer):
            _contract, line = self._create_contract(
                partner,
                plain,
                date(2025, 3, 1),
                date(2026, 2, 28),
                is_auto_renew=True,
                auto_renew_rule_type="yearly",
                auto_renew_interval=1,
            )
            lines |= line
        _contract, poison = self._create_contract(
            self.customer,
            plain,
            date(2025, 3, 1),
            date(2026, 2, 28),
            is_auto_renew=True,
            auto_renew_rule_type="yearly",
            auto_renew_interval=-1,
        )
        with freeze_time("2026-02-20"):
            self.run_with_poison(self.run_renewal)
            for line in lines:
                self.assertEqual(line._current_line().date_end, date(2027, 2, 28))
            self.assertEqual(poison.date_end, date(2026, 2, 28))
            self.assertFalse(poison.successor_contract_line_id)
            self.assert_set_aside(poison, 1, "ValidationError")
        with freeze_time("2026-02-20 06:00"):  # a later run tries it again
            self.run_with_poison(self.run_renewal)
            self.assert_set_aside(poison, 2, "ValidationError")
        for line in lines:
            self.assertEqual(line._current_line().date_end, date(2027, 2, 28))
        # fixed by hand: renewed by the next run, failure forgotten
        poison.auto_renew_interval = 1
        with freeze_time("2026-02-21"):
            self.run_renewal()
        self.assertEqual(poison._current_line().date_end, date(2027, 2, 28))
        self.assertFalse(self.failure(poison))


@tagged("post_install", "-at_install")
class TestOverdueSuspensionIsolation(FailureChecks, LatePaymentCase):
    def test_customer_whose_email_fails_does_not_stop_the_others(self):
        """Seed 000: "sospendere ... i Servizi ... con effetto immediato". The
        provider adds the customer code to the email; one customer has none."""
        template = self.env.ref(
            "support_terms_suspension.mail_template_services_suspended"
        )
        template.body_html = (
            '<p>Codice cliente <t t-out="object.partner_id.ref.upper()"/></p>'
        )
        self.customer.ref = "c001"
        self.env["ir.config_parameter"].set_param(
            "support_terms.overdue_suspension_batch_size", 1
        )
        poison_invoice = self._invoice(partner=self.other_customer)
        invoices = self._invoice() | self._invoice()
        with freeze_time("2026-03-10"):
            self.run_with_poison(self.run_cron)
        self.assertEqual(len(self.suspensions()), 1)
        self.assertEqual(self.suspensions().invoice_ids, invoices)
        self.assertEqual(self.line.service_state, "suspended")
        self.assertEqual(len(self.mails(self.suspensions(), "suspended")), 1)
        # the other customer is rolled back alone: not suspended, not emailed
        self.assertFalse(self.suspensions(self.other_customer))
        self.assertEqual(self.other_line.service_state, "active")
        self.assert_set_aside(poison_invoice, 1, "Failed to render")
        with freeze_time("2026-03-11"):
            self.run_with_poison(self.run_cron)
        self.assert_set_aside(poison_invoice, 2, "Failed to render")
        self.assertEqual(len(self.suspensions()), 1)
        # staff give it its code: the next run suspends it
        self.other_customer.ref = "c002"
        with freeze_time("2026-03-12"):
            self.run_cron()
        self.assertEqual(len(self.suspensions(self.other_customer)), 1)
        self.assertEqual(self.other_line.service_state, "suspended")
        self.assertFalse(self.failure(poison_invoice))

    @mute_logger(TOOLS_LOGGER)
    def test_failure_rows_follow_the_company(self):
        other_company = self.env["res.company"].create({"name": "Provider B"})
        template = self.env.ref(
            "support_terms_suspension.mail_template_services_suspended"
        )
        template.body_html = '<p><t t-out="object.partner_id.ref.upper()"/></p>'
        poison_invoice = self._invoice(partner=self.other_customer)
        with freeze_time("2026-03-10"):
            self.run_cron()
        failure = self.failure(poison_invoice)
        self.assertEqual(failure.company_id, self.company)
        outsider = new_test_user(
            self.env,
            login="failures_outsider",
            groups="support_terms_base.group_support_terms_manager",
            company_id=other_company.id,
            company_ids=[(6, 0, other_company.ids)],
        )
        self.assertFalse(
            self.env["support.cron.failure"].with_user(outsider).search([])
        )
