from psycopg2 import IntegrityError

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError, ValidationError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.support_terms_coverage.models.support_ticket_charge import (
    INVOICE_BATCH_PARAM,
)

from .common import CoverageCase


@tagged("post_install", "-at_install")
class TestCharges(CoverageCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cron = cls.env.ref("support_terms_coverage.ir_cron_invoice_charges")
        cls.env["ir.config_parameter"].set_param(INVOICE_BATCH_PARAM, 2)

    def _charges(self):
        return self.env["support.ticket.charge"].search([])

    def test_negative_price_refused(self):
        ticket = self._ticket(self.cat_misuse)
        charges = self.env["support.ticket.charge"]
        with self.assertRaises(ValidationError) as caught:
            charges.create(
                {
                    "ticket_id": ticket.id,
                    "kind": "outside_plan",
                    "product_id": self.product_repair.id,
                    "price_unit": -80.0,
                }
            )
        self.assertIn("cannot be negative", str(caught.exception))
        self.assertFalse(self._charges())

    def test_fixed_fee_extra_and_channel_outside_plan(self):
        email = self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email")
        phone = self.env["helpdesk.ticket.channel"].create({"name": "Telefono"})
        self.plan_basic.channel_ids = email
        channel_fee = self._create_product("Phone request", self.company)
        self.company.support_channel_fee_product_id = channel_fee
        ticket = self._ticket(self.cat_misuse, channel_id=phone.id)
        self.assertTrue(ticket.channel_outside_plan)
        ticket.action_charge_fixed_fee()
        ticket.action_charge_channel()
        self.assertEqual(
            sorted(ticket.support_charge_ids.mapped("kind")),
            ["channel", "outside_plan"],
        )
        with self.assertRaises(UserError):
            ticket.action_charge_fixed_fee()
        covered = self._ticket(self.cat_outage, channel_id=email.id)
        self.assertFalse(covered.channel_outside_plan)
        with self.assertRaises(UserError):
            covered.action_charge_fixed_fee()
        with self.assertRaises(UserError):
            covered.action_charge_channel()

    def test_invoicing_run_twice(self):
        for _i in range(3):
            self._ticket(self.cat_misuse).action_charge_fixed_fee()
        # a customer without plan charged by hand
        self._ticket(partner=self.other_customer)._add_charge(
            "outside_plan", self.product_repair
        )
        cancelled = self._ticket(self.cat_misuse)
        cancelled.action_charge_fixed_fee()
        cancelled.support_charge_ids.action_cancel()
        # batches of 2: the first takes the customer's third charge along
        self.assertEqual(self.run_like_the_cron_worker(self.cron), 3)
        self.assertEqual(self.run_like_the_cron_worker(self.cron), 0)
        charges = self._charges() - cancelled.support_charge_ids
        self.assertEqual(set(charges.mapped("state")), {"invoiced"})
        self.assertEqual(cancelled.support_charge_ids.state, "cancelled")
        invoices = charges.invoice_line_ids.move_id
        # one draft invoice per customer even across two batches of 2
        self.assertEqual(len(invoices), 2)
        self.assertEqual(set(invoices.mapped("state")), {"draft"})
        mine = invoices.filtered(lambda i: i.partner_id == self.customer)
        self.assertEqual(len(mine.invoice_line_ids), 3)
        for charge in charges:
            self.assertEqual(len(charge.invoice_line_ids), 1)
            self.assertIn(charge.ticket_id.number, charge.invoice_line_ids.name)
            self.assertEqual(charge.invoice_line_ids.price_unit, 80.0)

    def test_scheduled_invoicing_writes_its_origin_in_the_run_language(self):
        """The nightly invoicing (no user's request behind it) names the
        invoice's origin "Support charges" in the run's language, and logs no
        "no translation language detected" warning for it."""
        self._ticket(self.cat_misuse).action_charge_fixed_fee()
        with self.assertNoLogs("odoo.tools.translate", level="WARNING"):
            self.assertEqual(self.run_like_the_cron_worker(self.cron), 1)
        invoice = self._charges().invoice_line_ids.move_id
        self.assertEqual(invoice.invoice_origin, "Support charges")

    def test_action_invoices_the_selection_once(self):
        tickets = [self._ticket(self.cat_misuse) for _i in range(2)]
        for ticket in tickets:
            ticket.action_charge_fixed_fee()
        charges = self._charges()
        action = charges.action_invoice()
        invoice = self.env["account.move"].search(action["domain"])
        self.assertEqual(len(invoice.invoice_line_ids), 2)
        again = charges.action_invoice()
        self.assertFalse(self.env["account.move"].search(again["domain"]))
        # a line deleted from the draft invoice puts its charge back to invoice
        invoice.invoice_line_ids[0].unlink()
        self.assertEqual(sorted(charges.mapped("state")), ["invoiced", "to_invoice"])

    def test_one_invoice_line_per_charge_in_the_database(self):
        ticket = self._ticket(self.cat_misuse)
        ticket.action_charge_fixed_fee()
        charge = ticket.support_charge_ids
        charge.action_invoice()
        line = charge.invoice_line_ids
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.env.cr.execute(
                    "UPDATE account_move_line SET support_charge_id = %s "
                    "WHERE id = (SELECT id FROM account_move_line WHERE id != %s "
                    "AND support_charge_id IS NULL LIMIT 1)",
                    (charge.id, line.id),
                )


@tagged("post_install", "-at_install")
class TestChargeInvoicingTwoCursors(TransactionCase):
    """Two runs at once, each in its own transaction: each charge invoiced once.

    The data is committed (other cursors cannot see this test's transaction),
    then removed at the end.
    """

    def _env(self, cr):
        return api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})

    def _setup_committed(self):
        with self.registry.cursor() as cr:
            env = self._env(cr)
            product = env["product.product"].create(
                {"name": "Two-cursor fee", "type": "service", "list_price": 30.0}
            )
            team = env["helpdesk.ticket.team"].create({"name": "Two-cursor team"})
            partners = env["res.partner"].create(
                [
                    {"name": f"Two-cursor customer {i}", "is_company": True}
                    for i in range(3)
                ]
            )
            tickets = env["helpdesk.ticket"].create(
                [
                    {
                        "name": f"Two-cursor request {index}",
                        "description": "<p>.</p>",
                        "partner_id": partner.id,
                        "team_id": team.id,
                    }
                    for index, partner in enumerate(list(partners) * 2)
                ]
            )
            charges = env["support.ticket.charge"].create(
                [
                    {
                        "ticket_id": ticket.id,
                        "kind": "channel",
                        "product_id": product.id,
                        "price_unit": 30.0,
                    }
                    for ticket in tickets
                ]
            )
            previous = env["ir.config_parameter"].get_param(INVOICE_BATCH_PARAM)
            env["ir.config_parameter"].set_param(INVOICE_BATCH_PARAM, 2)
            return {
                "product": product.id,
                "team": team.id,
                "partners": partners.ids,
                "tickets": tickets.ids,
                "charges": charges.ids,
                "batch": previous,
            }

    def _cleanup(self, data):
        with self.registry.cursor() as cr:
            env = self._env(cr)
            charges = env["support.ticket.charge"].browse(data["charges"]).exists()
            charges.invoice_line_ids.move_id.unlink()
            charges.unlink()
            env["helpdesk.ticket"].browse(data["tickets"]).unlink()
            env["helpdesk.ticket.team"].browse(data["team"]).unlink()
            env["res.partner"].browse(data["partners"]).unlink()
            env["product.product"].browse(data["product"]).unlink()
            env["ir.config_parameter"].set_param(INVOICE_BATCH_PARAM, data["batch"])

    def test_charges_invoiced_by_hand_during_the_run_make_one_invoice(self):
        """A manager invoices a customer's charges while the monthly action
        runs, and a new charge of that customer is recorded meanwhile: the
        customer gets one invoice from the two runs, the new charge waits for
        the next one."""
        data = self._setup_committed()
        try:
            cr_hand = self.registry.cursor()
            cr_cron = self.registry.cursor()
            try:
                cr_cron.execute("SET LOCAL lock_timeout = '5s'")
                first = self._env(cr_hand)["support.ticket.charge"].browse(
                    data["charges"][0]
                )
                customer = first.partner_id.id
                # the manager's invoice, not yet committed
                first.action_invoice()
                with self.registry.cursor() as cr:
                    env = self._env(cr)
                    ticket = env["helpdesk.ticket"].create(
                        {
                            "name": "Two-cursor request, later",
                            "description": "<p>.</p>",
                            "partner_id": customer,
                            "team_id": data["team"],
                        }
                    )
                    late = env["support.ticket.charge"].create(
                        {
                            "ticket_id": ticket.id,
                            "kind": "channel",
                            "product_id": data["product"],
                            "price_unit": 30.0,
                        }
                    )
                    data["tickets"].append(ticket.id)
                    data["charges"].append(late.id)
                charges_cron = self._env(cr_cron)["support.ticket.charge"]
                for _run in range(4):
                    charges_cron._cron_invoice_charges()
                cr_hand.commit()
                cr_cron.commit()
            finally:
                cr_hand.close()
                cr_cron.close()
            with self.registry.cursor() as cr:
                env = self._env(cr)
                mine = env["support.ticket.charge"].browse(data["charges"])
                theirs = mine.filtered(lambda c: c.partner_id.id == customer)
                self.assertEqual(len(theirs), 3)
                self.assertEqual(len(theirs.invoice_line_ids.move_id), 1)
                self.assertEqual(
                    theirs.mapped("state"), ["invoiced", "invoiced", "to_invoice"]
                )
                # the others got one invoice each from the scheduled action
                for partner in (mine - theirs).partner_id:
                    charges = mine.filtered(lambda c, p=partner: c.partner_id == p)
                    self.assertEqual(len(charges.invoice_line_ids.move_id), 1)
                # the next run invoices the one left
                charges = env["support.ticket.charge"]
                charges._cron_invoice_charges()
                self.assertEqual(set(theirs.mapped("state")), {"invoiced"})
        finally:
            self._cleanup(data)

    def test_two_overlapping_runs(self):
        data = self._setup_committed()
        try:
            cr_a = self.registry.cursor()
            cr_b = self.registry.cursor()
            try:
                # a regression that waits for A's locks fails instead of hanging
                cr_b.execute("SET LOCAL lock_timeout = '5s'")
                charges_a = self._env(cr_a)["support.ticket.charge"]
                charges_b = self._env(cr_b)["support.ticket.charge"]
                # A holds the locks of its batch while B runs
                done_a, _remaining = charges_a._cron_invoice_charges()
                done_b, _remaining = charges_b._cron_invoice_charges()
                cr_a.commit()
                cr_b.commit()
            finally:
                cr_a.close()
                cr_b.close()
            self.assertEqual((done_a, done_b), (2, 2))
            with self.registry.cursor() as cr:
                charges = self._env(cr)["support.ticket.charge"]
                done_c, remaining = charges._cron_invoice_charges()
                # A took 2 charges and the other 2 of their customers, B the
                # 2 it could lock: nothing left for a third run
                self.assertEqual((done_c, remaining), (0, 0))
                mine = charges.browse(data["charges"])
                self.assertEqual(set(mine.mapped("state")), {"invoiced"})
                for charge in mine:
                    self.assertEqual(len(charge.invoice_line_ids), 1)
                lines = mine.invoice_line_ids
                self.assertEqual(len(lines), 6)
                self.assertEqual(len(lines.move_id), 3)
                for invoice in lines.move_id:
                    self.assertEqual(len(invoice.invoice_line_ids), 2)
                    self.assertEqual(
                        invoice.invoice_line_ids.support_charge_id.partner_id,
                        invoice.partner_id,
                    )
        finally:
            self._cleanup(data)
        with self.registry.cursor() as cr:
            left = self._env(cr)["support.ticket.charge"].browse(data["charges"])
            self.assertFalse(left.exists())
