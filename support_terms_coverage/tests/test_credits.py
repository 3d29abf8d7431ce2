from datetime import date, timedelta

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import CoverageCase


@tagged("post_install", "-at_install")
class TestCreditGrants(CoverageCase):
    def test_granted_when_paid_not_when_posted(self):
        self.assertEqual(self.company.support_credit_grant_on, "paid")
        invoice = self._invoice(quantity=2)
        self.assertFalse(self._grants())
        self._pay(invoice)
        grant = self._grants()
        self.assertEqual(len(grant), 1)
        self.assertEqual(grant.quantity, 20)
        self.assertEqual(grant.invoice_line_id, invoice.invoice_line_ids)
        self.assertEqual(grant.expiry_date, invoice.invoice_date + timedelta(days=364))
        self.assertEqual(self._balance(), 20)
        # the balance is the customer's, whatever contact looks at it
        self.assertEqual(self.contact.support_credit_balance, 20)

    def test_granted_on_posting_when_the_company_says_so(self):
        self.company.support_credit_grant_on = "posted"
        invoice = self._invoice()
        self.assertEqual(self._grants().quantity, 10)
        # paid later, reset and posted again: still granted once per line
        self._pay(invoice)
        self.assertEqual(len(self._grants()), 1)
        self.assertEqual(self._balance(), 10)

    def test_once_per_invoice_line_in_the_database(self):
        self.company.support_credit_grant_on = "posted"
        invoice = self._invoice()
        grant = self._grants()
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                grant.copy({"invoice_line_id": invoice.invoice_line_ids.id})
                self.env.flush_all()
        self.env["support.credit.move"]._grant_from_invoices(invoice)
        self.assertEqual(len(self._grants()), 1)

    def test_other_products_grant_nothing(self):
        self._pay(self._invoice(product=self.product_hosting))
        self.assertFalse(self._grants())
        self.assertEqual(self._balance(), 0)

    def test_reversed_invoice_takes_back_what_is_left(self):
        invoice = self._invoice()
        self._pay(invoice)
        ticket = self._ticket(self.cat_logs)
        self.env["support.credit.move"]._consume(
            self.customer, self.company, 3, ticket=ticket
        )
        reversal = (
            self.env["account.move.reversal"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create(
                {
                    "journal_id": invoice.journal_id.id,
                    "reason": "reso",
                    "support_credits_confirmed": True,
                    "support_credits_reason": "Pacchetto venduto per errore",
                }
            )
        )
        reversal.refund_moves()
        credit_note = invoice.reversal_move_ids
        credit_note.action_post()
        reversal_move = self.env["support.credit.move"].search(
            [("partner_id", "=", self.customer.id), ("move_type", "=", "reversal")]
        )
        self.assertEqual(reversal_move.quantity, -7)
        self.assertEqual(self._balance(), 0)
        self.assertEqual(self._grants().remaining, 0)

    def test_reset_to_draft_withdraws_with_a_note_in_the_language(self):
        """An invoice of a credit pack set back to draft withdraws its credits;
        the withdrawal reads "<invoice> reset to draft: 10.0 credits withdrawn"
        in the language of whoever resets it, with no "no translation language
        detected" warning in the log."""
        self.company.support_credit_grant_on = "posted"
        invoice = self._invoice()
        with self.assertNoLogs("odoo.tools.translate", level="WARNING"):
            invoice.button_draft()
        taken_back = self.env["support.credit.move"].search(
            [("partner_id", "=", self.customer.id), ("move_type", "=", "reversal")]
        )
        self.assertEqual(
            taken_back.name, f"{invoice.name} reset to draft: 10.0 credits withdrawn"
        )

    def test_reset_and_cancelled_invoice(self):
        self.company.support_credit_grant_on = "posted"
        invoice = self._invoice()
        invoice.button_draft()
        self.assertEqual(self._balance(), 0)
        invoice.action_post()
        # posted twice, one pack in force
        self.assertEqual(len(self._grants().filtered(lambda g: not g.withdrawn)), 1)
        self.assertEqual(self._balance(), 10)
        invoice.button_draft()
        invoice.button_cancel()
        self.assertEqual(invoice.state, "cancel")
        self.assertEqual(self._balance(), 0)
        taken_back = self.env["support.credit.move"].search(
            [("partner_id", "=", self.customer.id), ("move_type", "=", "reversal")]
        )
        self.assertEqual(taken_back.mapped("quantity"), [-10, -10])

    def test_pack_needs_credits_and_validity(self):
        template = self.credit_pack.product_tmpl_id
        with self.assertRaises(ValidationError) as caught:
            template.support_credit_validity_days = 0
        self.assertIn("at least one day", str(caught.exception))
        with self.assertRaises(ValidationError):
            template.support_credits = -5
        template.invalidate_recordset()
        self.assertEqual(template.support_credit_validity_days, 365)
        self.assertEqual(template.support_credits, 10)

    def test_negative_grant_refused(self):
        moves = self.env["support.credit.move"]
        with self.assertRaises(ValidationError) as caught:
            moves.create(
                {
                    "partner_id": self.customer.id,
                    "move_type": "grant",
                    "quantity": -10,
                    "expiry_date": date(2027, 1, 1),
                }
            )
        self.assertIn("must be a positive number", str(caught.exception))
        self.assertFalse(moves.search([("partner_id", "=", self.customer.id)]))


@tagged("post_install", "-at_install")
class TestCreditConsumption(CoverageCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.support_credit_grant_on = "posted"

    def _two_packs(self):
        # the later invoice's pack expires first: bought with a shorter validity
        late = self._invoice(date=date(2026, 6, 1))
        self.credit_pack.support_credit_validity_days = 100
        early = self._invoice(date=date(2026, 9, 1))
        self.credit_pack.support_credit_validity_days = 365
        pack_late = self._grants().filtered(lambda g: g.invoice_id == late)
        pack_early = self._grants().filtered(lambda g: g.invoice_id == early)
        self.assertLess(pack_early.expiry_date, pack_late.expiry_date)
        return pack_early, pack_late

    @freeze_time("2026-10-01")
    def test_fifo_across_two_packs(self):
        pack_early, pack_late = self._two_packs()
        ticket = self._ticket(self.cat_logs)
        wizard = (
            self.env["support.credit.charge.wizard"]
            .with_context(default_ticket_id=ticket.id)
            .create({})
        )
        self.assertEqual(wizard.credits, 3)  # the rule's credits
        self.assertEqual(wizard.credit_balance, 20)
        wizard.credits = 12
        wizard.action_confirm()
        self.assertEqual(pack_early.remaining, 0)
        self.assertEqual(pack_late.remaining, 8)
        used = ticket.support_credit_move_ids
        self.assertEqual(
            sorted((m.pack_id, m.quantity) for m in used),
            sorted([(pack_early, -10.0), (pack_late, -2.0)]),
        )
        self.assertEqual(ticket.support_credits_charged, 12)
        self.assertEqual(self._balance(), 8)

    @freeze_time("2026-10-01")
    def test_below_zero_refused(self):
        self._two_packs()
        ticket = self._ticket(self.cat_logs)
        moves = self.env["support.credit.move"]
        before = moves.search_count([])
        with self.assertRaises(UserError) as caught:
            moves._consume(self.customer, self.company, 25, ticket=ticket)
        self.assertIn("20.0 credits left, 25", str(caught.exception))
        self.assertEqual(moves.search_count([]), before)
        self.assertEqual(self._balance(), 20)
        self.assertFalse(ticket.support_charge_ids)

    @freeze_time("2026-10-01")
    def test_shortfall_becomes_a_charge_when_allowed(self):
        self._two_packs()
        overdraft = self._create_product("Missing credit", self.company)
        overdraft.lst_price = 12.0
        self.company.write(
            {
                "support_credit_allow_overdraft": True,
                "support_credit_overdraft_product_id": overdraft.id,
            }
        )
        ticket = self._ticket(self.cat_logs)
        self.env["support.credit.move"]._consume(
            self.customer, self.company, 25, ticket=ticket
        )
        self.assertEqual(self._balance(), 0)
        charge = ticket.support_charge_ids
        self.assertEqual(charge.kind, "credit_shortfall")
        self.assertEqual(charge.quantity, 5)
        self.assertEqual(charge.price_unit, 12.0)
        self.assertEqual(charge.state, "to_invoice")

    def test_negative_or_zero_charge_refused(self):
        self._invoice()
        ticket = self._ticket(self.cat_logs)
        for quantity in (-3, 0):
            with self.assertRaises(ValidationError):
                self.env["support.credit.move"]._consume(
                    self.customer, self.company, quantity, ticket=ticket
                )
        self.assertEqual(self._balance(), 10)

    def test_expired_pack_is_not_used(self):
        self._invoice(date=date(2025, 1, 10))
        ticket = self._ticket(self.cat_logs)
        with self.assertRaises(UserError):
            self.env["support.credit.move"]._consume(
                self.customer, self.company, 1, ticket=ticket
            )


@tagged("post_install", "-at_install")
class TestCreditExpiry(CoverageCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.support_credit_grant_on = "posted"
        cls.cron = cls.env.ref("support_terms_coverage.ir_cron_expire_credits")
        cls.env["ir.config_parameter"].set_param(
            "support_terms.credit_expiry_batch_size", 2
        )

    def test_expiry_run_twice_one_move_per_pack(self):
        with freeze_time("2025-06-01"):
            self._invoice(date=date(2025, 6, 1))
            self._invoice(date=date(2025, 6, 1), partner=self.other_customer)
            self._invoice(date=date(2025, 6, 1), partner=self.other_customer)
            ticket = self._ticket(self.cat_logs)
            self.env["support.credit.move"]._consume(
                self.customer, self.company, 4, ticket=ticket
            )
            self._invoice(date=date(2025, 6, 1), quantity=1).invalidate_recordset()
        with freeze_time("2026-05-31"):  # last valid day: nothing expires
            self.assertEqual(self.run_like_the_cron_worker(self.cron), 0)
        with freeze_time("2026-06-01"):
            self.assertEqual(self.run_like_the_cron_worker(self.cron), 4)
            self.assertEqual(self.run_like_the_cron_worker(self.cron), 0)
        expiries = self.env["support.credit.move"].search(
            [("move_type", "=", "expiry")]
        )
        self.assertEqual(len(expiries), 4)
        self.assertEqual(len(expiries.pack_id), 4)
        self.assertEqual(
            sorted(
                expiries.filtered(lambda m: m.partner_id == self.customer).mapped(
                    "quantity"
                )
            ),
            [-10.0, -6.0],
        )
        self.assertEqual(self._balance(), 0)
        self.assertEqual(self._balance(self.other_customer), 0)

    def _pack_of_provider_in_new_york(self):
        """Provider B, in New York, sells the same customer a pack of 10
        credits on 1 June 2025."""
        company_b = self._other_company("Provider B Inc", "America/New_York")
        company_b.support_credit_grant_on = "posted"
        pack_b = self.env["product.product"].create(
            {
                "name": "Pacchetto 10 crediti B",
                "type": "service",
                "company_id": company_b.id,
                "support_credit_pack": True,
                "support_credits": 10,
                "support_credit_validity_days": 365,
            }
        )
        invoice = (
            self.env["account.move"]
            .with_company(company_b)
            .create(
                {
                    "move_type": "out_invoice",
                    "partner_id": self.customer.id,
                    "company_id": company_b.id,
                    "invoice_date": date(2025, 6, 1),
                    "invoice_line_ids": [
                        Command.create(
                            {"product_id": pack_b.id, "quantity": 1, "price_unit": 90}
                        )
                    ],
                }
            )
        )
        invoice.action_post()
        return company_b

    def test_each_provider_expires_credits_on_its_own_day(self):
        """ "I crediti di assistenza acquistati durano un anno (365 giorni
        dalla data di acquisto)": bought on 1 June 2025, they are valid until
        31 May 2026 included, on the day of the provider that sold them. At
        00:30 of 1 June in Rome it is still 31 May in New York, and 31 May in
        UTC: only the Roman provider's credits have expired."""
        self.company.partner_id.tz = "Europe/Rome"
        with freeze_time("2025-06-01 10:00"):
            self._invoice(date=date(2025, 6, 1))
            company_b = self._pack_of_provider_in_new_york()
        grants = self._grants()
        self.assertEqual(grants.company_id, self.company | company_b)
        self.assertEqual(set(grants.mapped("expiry_date")), {date(2026, 5, 31)})

        def expired():
            moves = self.env["support.credit.move"].search(
                [("move_type", "=", "expiry"), ("partner_id", "=", self.customer.id)]
            )
            return moves.company_id

        # 23:30 of 31 May in Rome: the last valid day everywhere
        with freeze_time("2026-05-31 21:30:00"):
            self.run_like_the_cron_worker(self.cron)
        self.assertFalse(expired())
        with freeze_time("2026-05-31 22:30:00"):
            self.run_like_the_cron_worker(self.cron)
            self.run_like_the_cron_worker(self.cron)
        self.assertEqual(expired(), self.company)
        # 00:30 of 1 June in New York
        with freeze_time("2026-06-01 04:30:00"):
            self.run_like_the_cron_worker(self.cron)
            self.run_like_the_cron_worker(self.cron)
        self.assertEqual(expired(), self.company | company_b)
        self.assertEqual(self._balance(), 0)

    def test_one_expiry_per_pack_in_the_database(self):
        with freeze_time("2025-06-01"):
            self._invoice(date=date(2025, 6, 1))
        with freeze_time("2026-06-01"):
            self.run_like_the_cron_worker(self.cron)
        expiry = self.env["support.credit.move"].search([("move_type", "=", "expiry")])
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.env.cr.execute(
                    "INSERT INTO support_credit_move (partner_id, company_id, date,"
                    " move_type, quantity, pack_id) SELECT partner_id, company_id,"
                    " date, move_type, quantity, pack_id FROM support_credit_move"
                    " WHERE id = %s",
                    (expiry.id,),
                )

    def test_killed_halfway_then_rerun(self):
        with freeze_time("2025-06-01"):
            for _index in range(5):
                self._invoice(date=date(2025, 6, 1))
        packs = self._grants()
        with freeze_time("2026-06-01"):
            self.run_killed(
                lambda: self.run_like_the_cron_worker(self.cron),
                "support.credit.move",
                "_expire",
            )
            self.assertEqual(len(packs.filtered(lambda p: p.remaining == 0)), 2)
            self.assertEqual(self.run_like_the_cron_worker(self.cron), 3)
        expiries = self.env["support.credit.move"].search(
            [("move_type", "=", "expiry")]
        )
        self.assertEqual(expiries.pack_id, packs)
        self.assertEqual(len(expiries), 5)
        self.assertEqual(self._balance(), 0)
