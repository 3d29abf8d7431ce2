from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.support_terms_base.tests.common import FailureChecks

from .common import CoverageCase


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
