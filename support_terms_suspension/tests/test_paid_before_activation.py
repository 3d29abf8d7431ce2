from datetime import date
from unittest.mock import patch

from freezegun import freeze_time

from odoo.tests import Form, tagged

from .common import LatePaymentCase


@tagged("post_install", "-at_install")
class TestPaidBeforeActivation(LatePaymentCase):
    """The terms: "Il pagamento degli importi relativi ai Servizi richiesti
    deve essere eseguito dal Cliente alla ricezione della fattura e comunque
    anticipatamente all'attivazione dei Servizi."

    A new service of a product paid before activation waits for the payment
    of its first invoice: invoiced, not in force, active from the day the
    customer paid it.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product_new_hosting = cls._create_product("Hosting Pro", cls.company)
        cls.product_new_hosting.support_paid_before_activation = True

    def _sell_in_the_contract_form(self, product, start=date(2026, 4, 1)):
        """Staff add the service to a new contract in its form."""
        with freeze_time(start):
            form = Form(self.env["contract.contract"])
            form.name = "Rossi - Hosting Pro"
            form.partner_id = self.customer
            form.line_recurrence = True
            with form.contract_line_ids.new() as line_form:
                line_form.product_id = product
                line_form.name = product.name
                line_form.price_unit = 100.0
                line_form.recurring_rule_type = "yearly"
                line_form.date_start = start
            contract = form.save()
        return contract, contract.contract_line_ids

    def _invoice_contract(self, contract, day):
        """The contract's own invoicing, as staff run it on ``day``."""
        with freeze_time(day):
            invoice = contract.recurring_create_invoice()
            if invoice:
                invoice.action_post()
        return invoice

    def test_new_service_waits_for_the_first_payment_and_starts_on_its_date(self):
        """Sold on 1 April, invoiced that day and due at once; paid in part
        on 10 April (still waiting), the rest on 20 April, recorded only on
        the 24th: active since the 20th, and the provisioning hook called
        once, with the state it left."""
        contract, line = self._sell_in_the_contract_form(self.product_new_hosting)
        self.assertEqual(line.service_state, "waiting_payment")
        Line = self.env["contract.line"]
        day = date(2026, 4, 2)
        self.assertNotIn(line, Line.search(Line._support_in_force_domain(day)))
        invoice = self._invoice_contract(contract, date(2026, 4, 1))
        self.assertTrue(invoice, "the first invoice is issued while waiting")
        self.assertEqual(invoice.invoice_line_ids.contract_line_id, line)
        self.assertEqual(line.support_payment_invoice_id, invoice)
        self.assertEqual(invoice.payment_state, "not_paid")
        self.assertLess(invoice.invoice_date_due, date(2026, 4, 10), "paid late")

        with freeze_time("2026-04-10 12:00"):
            self._pay(invoice, date(2026, 4, 10), amount=50.0)
        self.assertEqual(invoice.payment_state, "partial")
        self.assertEqual(line.service_state, "waiting_payment", "paid in part")
        self.assertFalse(line.service_activated_on)

        calls = []
        original = type(Line)._on_service_state_change

        def provisioning(lines, old_states):
            calls.append({ln.id: (old_states[ln.id], ln.service_state) for ln in lines})
            return original(lines, old_states)

        with (
            patch.object(type(Line), "_on_service_state_change", provisioning),
            freeze_time("2026-04-24 12:00"),
        ):
            self._pay(invoice, date(2026, 4, 20))
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        self.assertEqual(line.service_state, "active")
        self.assertEqual(line.service_activated_on, date(2026, 4, 20))
        self.assertFalse(line.support_payment_invoice_id)
        self.assertEqual(calls, [{line.id: ("waiting_payment", "active")}])
        self.assertIn(line, Line.search(Line._support_in_force_domain(day)))
        self.assertIn("Waiting for payment → Active", contract.message_ids[0].body)

    def test_a_service_waiting_is_invoiced_once(self):
        """Monthly, unpaid: April's invoice is issued, May's is not until the
        customer pays; then the service is invoiced as any other."""
        contract, line = self._sell_in_the_contract_form(self.product_new_hosting)
        line.recurring_rule_type = "monthly"
        first = self._invoice_contract(contract, date(2026, 4, 1))
        self.assertTrue(first)
        self.assertFalse(self._invoice_contract(contract, date(2026, 5, 2)))
        self.assertFalse(line._can_be_invoiced(date(2026, 5, 2)))
        with freeze_time("2026-05-03 12:00"):
            self._pay(first, date(2026, 5, 3))
        self.assertEqual(line.service_state, "active")
        self.assertTrue(self._invoice_contract(contract, date(2026, 5, 4)))

    def test_a_credit_note_activates_nothing(self):
        """The first invoice credited in full: nothing was paid, the service
        still waits, with no invoice left to pay."""
        contract, line = self._sell_in_the_contract_form(self.product_new_hosting)
        invoice = self._invoice_contract(contract, date(2026, 4, 1))
        with freeze_time("2026-04-05 12:00"):
            self._credit_note(invoice, "Ordine annullato")
        self.assertEqual(invoice.payment_state, "reversed")
        self.assertEqual(line.service_state, "waiting_payment")
        self.assertFalse(line.service_activated_on)
        self.assertFalse(line.support_payment_invoice_id)

    def test_a_service_waiting_is_not_suspended_for_its_unpaid_invoice(self):
        """A customer whose only service waits for its payment: the invoice
        overdue suspends nothing (the service never started), run twice."""
        self.line.service_state = "terminated"
        contract, line = self._sell_in_the_contract_form(self.product_new_hosting)
        self._invoice_contract(contract, date(2026, 4, 1))
        with freeze_time("2026-05-20 04:00"):
            self.run_cron()
            self.run_cron()
        self.assertFalse(self.suspensions())
        self.assertEqual(line.service_state, "waiting_payment")

    def test_other_products_and_existing_lines_are_left_as_they_are(self):
        """Lines sold before the product waited for payment stay active; a
        product that does not wait sells active services."""
        self.product_hosting.support_paid_before_activation = True
        self.assertEqual(self.line.service_state, "active")
        self.product_hosting.support_paid_before_activation = False
        _contract, line = self._sell_in_the_contract_form(self.product_hosting)
        self.assertEqual(line.service_state, "active")

    def test_the_state_asked_by_its_creator_does_not_skip_the_payment(self):
        """An import or RPC that says "active" still waits for the payment."""
        _contract, line = self._create_contract(
            self.customer,
            self.product_new_hosting,
            "2026-04-01",
            service_state="active",
        )
        self.assertEqual(line.service_state, "waiting_payment")
