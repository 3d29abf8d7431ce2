from datetime import date, datetime

from freezegun import freeze_time

from odoo.tests import Form, HttpCase, new_test_user, tagged

from .common_late_payment import LatePaymentCase
from .common_renewal import RenewalCase


@tagged("post_install", "-at_install")
class TestPaidBeforeActivationAcrossFeatures(HttpCase, LatePaymentCase, RenewalCase):
    """The terms: "Il pagamento degli importi relativi ai Servizi richiesti
    deve essere eseguito dal Cliente alla ricezione della fattura e comunque
    anticipatamente all'attivazione dei Servizi."

    A support plan paid before activation grants nothing, is not renewed and
    shows the invoice to pay in the portal until its first invoice is paid.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan_product.support_paid_before_activation = True
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {"name": "Assistenza", "alias_name": "assistenza-prepaid"}
        )
        new_test_user(
            cls.env,
            login="mario_prepaid",
            password="mario-prepaid-1",
            groups="base.group_portal",
            partner_id=cls.contact.id,
            email=cls.contact.email,
        )

    def _sell_plan(self, start):
        with freeze_time(start):
            form = Form(self.env["contract.contract"])
            form.name = "Rossi - Assistenza"
            form.partner_id = self.customer
            form.line_recurrence = True
            with form.contract_line_ids.new() as line_form:
                line_form.product_id = self.plan_product
                line_form.name = "Piano di assistenza"
                line_form.price_unit = 300.0
                line_form.recurring_rule_type = "yearly"
                line_form.date_start = start
            contract = form.save()
            invoice = contract.recurring_create_invoice()
            invoice.action_post()
        return contract.contract_line_ids, invoice

    def _receive(self, moment, message_id):
        return self.env["helpdesk.ticket"].browse(
            self.receive_email(
                "Mario Rossi <mario@rossi.example>",
                "assistenza-prepaid@example.com",
                "Posta non funziona",
                moment,
                message_id,
                body="Non riceviamo posta da ieri.",
                custom_values={"team_id": self.team.id},
            )
        )

    def test_plan_waiting_for_payment_grants_nothing_until_paid(self):
        line, invoice = self._sell_plan(date(2026, 4, 1))
        self.assertEqual(line.service_state, "waiting_payment")
        before = self._receive(datetime(2026, 4, 3, 10, 0), "<before@rossi.example>")
        self.assertEqual(before.partner_id, self.contact)
        self.assertFalse(before.support_plan_id, "no plan while waiting")
        with freeze_time("2026-04-03 10:00"):
            self.assertFalse(self.customer.support_plan_id)

        self.authenticate("mario_prepaid", "mario-prepaid-1")
        with freeze_time("2026-04-03 10:00"):
            page = self.url_open("/my/services")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Piano di assistenza", page.text)
        self.assertIn("Waiting for payment", page.text)
        self.assertIn(invoice.name, page.text)
        self.assertIn(f"/my/invoices/{invoice.id}", page.text)

        with freeze_time("2026-04-09 10:00"):
            self._pay(invoice, date(2026, 4, 8))
        self.assertEqual(line.service_state, "active")
        self.assertEqual(line.service_activated_on, date(2026, 4, 8))
        after = self._receive(datetime(2026, 4, 9, 10, 0), "<after@rossi.example>")
        self.assertEqual(after.support_plan_id, self.plan_assistance)
        self.assertFalse(before.support_plan_id, "the earlier request keeps none")
        with freeze_time("2026-04-09 10:00"):
            page = self.url_open("/my/services")
        self.assertNotIn("Waiting for payment", page.text)

    def test_plan_waiting_for_payment_is_not_renewed(self):
        """Never paid: past its last day to cancel, OCA's renewal (run twice)
        leaves it alone and no reminder announces a renewal."""
        line, _invoice = self._sell_plan(date(2025, 4, 1))
        end = line.date_end
        self.assertTrue(end)
        self.assertTrue(line.is_auto_renew)
        with freeze_time(end):
            self.run_renewal()
            self.run_renewal()
        self.assertEqual(line.date_end, end)
        self.assertFalse(line.successor_contract_line_id)
        self.assertFalse(line.renewal_reminder_ids)
