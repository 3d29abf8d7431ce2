from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import WebDesignCase


@tagged("post_install", "-at_install")
class TestWebDesignProject(WebDesignCase):
    """The terms: "Per i contratti relativi alla progettazione di siti si
    provvederà al pagamento di una percentuale definita dalle parti alla
    firma del contratto e al saldo alla consegna del lavoro finito. Qualora
    il Cliente non provvedesse alla consegna del materiale (foto, testi, o
    quant'altro pattuito) entro 180 giorni dalla firma del contratto sarà
    comunque tenuto al pagamento del saldo."
    """

    def test_deposit_at_signing_balance_at_delivery(self):
        """30% of 2,000 at signing; the rest when the finished work is
        delivered; the contract's own invoicing never invoices the site."""
        contract, project = self._sell_site(30)
        self.assertEqual(project.state, "draft")
        self.assertEqual(project.deposit_amount, 600.0)
        self.assertEqual(project.balance_amount, 1400.0)
        # 23:30 UTC is already the next day in Rome: the company's day counts
        with freeze_time("2026-03-01 23:30:00"):
            project.with_user(self.designer).action_sign()
        self.assertEqual(project.state, "signed")
        self.assertEqual(project.signed_on, date(2026, 3, 2))
        self.assertEqual(project.balance_due_on, date(2026, 8, 29))
        deposit = project.deposit_invoice_id
        self.assertEqual(deposit.state, "posted")
        self.assertEqual(deposit.invoice_date, date(2026, 3, 2))
        self.assertEqual(deposit.amount_untaxed, 600.0)
        self.assertEqual(deposit.amount_total, 732.0, "with the VAT")
        self.assertIn("30%", deposit.invoice_line_ids.name)
        with freeze_time("2026-04-01 10:00"):
            self.assertFalse(contract.recurring_create_invoice())
        with freeze_time("2026-04-10 10:00"):
            project.with_user(self.designer).action_material_received()
        with freeze_time("2026-05-10 10:00"):
            project.with_user(self.designer).action_deliver()
        self.assertEqual(project.state, "delivered")
        self.assertEqual(project.delivered_on, date(2026, 5, 10))
        balance = project.balance_invoice_id
        self.assertEqual(balance.amount_untaxed, 1400.0)
        self.assertEqual(balance.invoice_date, date(2026, 5, 10))
        self.assertEqual(self.invoices(project), deposit | balance)
        with self.assertRaises(UserError) as caught:
            project.with_user(self.designer).action_deliver()
        self.assertIn("already delivered", str(caught.exception))
        self.assertEqual(self.invoices(project), deposit | balance)

    def test_deposit_outside_0_100_is_refused_and_nothing_written(self):
        """A deposit over 100% or negative: a clear error, in the user's
        language, and no contract, line or project written."""
        self.env["res.lang"]._activate_lang("it_IT")
        self.env["ir.module.module"]._load_module_terms(
            ["support_terms_web_design"], ["it_IT"]
        )
        counts = self._counts()
        for percent, lang, message in (
            (120, None, "between 0 and 100, not 120"),
            (-5, None, "between 0 and 100, not -5"),
            (150, "it_IT", "tra 0 e 100, non 150"),
        ):
            with self.subTest(percent=percent):
                # Odoo's assertRaises rolls back what the request would
                with self.assertRaises(ValidationError) as caught:
                    self._sell_site(percent, lang=lang)
                self.assertIn(message, str(caught.exception))
                self.assertEqual(self._counts(), counts)
        # the limits themselves are agreements
        for percent in (0, 100):
            _contract, project = self._sell_site(percent)
            self.assertEqual(project.deposit_percent, percent)

    def _counts(self):
        return [
            self.env[model].search_count([])
            for model in ("contract.contract", "contract.line", "support.web.project")
        ]

    def test_balance_before_the_deposit_is_refused(self):
        _contract, project = self._sell_site(40)
        moves = self.env["account.move"].search_count([])
        with self.assertRaises(UserError) as caught:
            project.with_user(self.designer).action_deliver()
        self.assertIn("cannot be invoiced before its deposit", str(caught.exception))
        self.assertEqual(project.state, "draft")
        self.assertFalse(project.balance_invoice_id)
        self.assertEqual(self.env["account.move"].search_count([]), moves)

    def test_deposit_agreed_cannot_change_once_signed(self):
        contract, project = self._sell_site(30)
        with freeze_time("2026-03-02 10:00"):
            project.with_user(self.designer).action_sign()
        with self.assertRaises(UserError) as caught:
            with Form(contract) as form, form.contract_line_ids.edit(0) as line:
                line.support_deposit_percent = 10
        self.assertIn("cannot change", str(caught.exception))
        self.assertEqual(project.contract_line_id.support_deposit_percent, 30)

    def test_full_deposit_leaves_no_balance_to_invoice(self):
        _contract, project = self._sell_site(100)
        with freeze_time("2026-03-02 10:00"):
            project.action_sign()
        with freeze_time("2026-04-02 10:00"):
            project.action_deliver()
        self.assertEqual(project.deposit_invoice_id.amount_untaxed, 2000.0)
        self.assertFalse(project.balance_invoice_id)
        self.assertEqual(project.state, "delivered")

    def test_balance_invoiced_once_180_days_after_signing_without_material(self):
        """Signed on 15 January; no material: the customer is told 30 days
        before, in Italian, and on day 180 the balance is invoiced, once,
        whatever the number of runs; the delivery afterwards invoices
        nothing more."""
        self.env["res.lang"]._activate_lang("it_IT")
        self.env["ir.module.module"]._load_module_terms(
            ["support_terms_web_design"], ["it_IT"]
        )
        self.customer.lang = "it_IT"
        _contract, project = self._sell_site(30)
        with freeze_time("2026-01-15 09:00"):
            project.action_sign()
        self.assertEqual(project.balance_due_on, date(2026, 7, 14))
        with freeze_time("2026-06-13 22:30:00"):  # 14 June in Rome: day 150
            self.run_cron()
            self.run_cron()
        mails = self._reminders(project)
        self.assertEqual(len(mails), 1)
        self.assertIn("materiale", mails.body_html)
        self.assertIn("14/07/2026", mails.body_html)
        self.assertIn("1.400,00", mails.body_html)
        self.assertEqual(project.reminder_sent_on, date(2026, 6, 14))
        self.assertFalse(project.balance_invoice_id)
        with freeze_time("2026-07-13 10:00"):  # day 179
            self.run_cron()
        self.assertFalse(project.balance_invoice_id)
        with freeze_time("2026-07-13 22:30:00"):  # 14 July in Rome: day 180
            self.run_cron()
            self.run_cron()
        self.assertEqual(project.state, "balance_invoiced")
        balance = project.balance_invoice_id
        self.assertEqual(balance.amount_untaxed, 1400.0)
        self.assertEqual(balance.invoice_date, date(2026, 7, 14))
        self.assertIn("Saldo", balance.invoice_line_ids.name)
        self.assertEqual(
            self.invoices(project), project.deposit_invoice_id | balance, "once"
        )
        self.assertEqual(len(self._reminders(project)), 1)
        with freeze_time("2026-09-01 10:00"):
            project.with_user(self.designer).action_deliver()
            self.run_cron()
        self.assertEqual(project.state, "delivered")
        self.assertEqual(project.balance_invoice_id, balance)
        self.assertEqual(self.invoices(project), project.deposit_invoice_id | balance)

    def test_material_received_in_time_the_balance_waits_for_delivery(self):
        _contract, project = self._sell_site(30)
        with freeze_time("2026-01-15 09:00"):
            project.action_sign()
        with freeze_time("2026-05-01 09:00"):
            project.with_user(self.designer).action_material_received()
        for day in ("2026-06-14 10:00", "2026-07-14 10:00", "2026-12-01 10:00"):
            with freeze_time(day):
                self.run_cron()
                self.run_cron()
        self.assertEqual(project.state, "signed")
        self.assertFalse(project.balance_invoice_id)
        self.assertFalse(self._reminders(project))

    def _reminders(self, project):
        return self.env["mail.mail"].search(
            [
                ("model", "=", "support.web.project"),
                ("res_id", "=", project.id),
                ("recipient_ids", "in", self.customer.ids),
            ]
        )
