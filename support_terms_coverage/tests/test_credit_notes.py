from odoo import Command, fields
from odoo.tests import Form, tagged

from .common import CoverageCase


@tagged("post_install", "-at_install")
class TestCreditsFollowTheirInvoice(CoverageCase):
    """ "Per tutte le richieste extra, proponiamo i pacchetti ricaricabili
    premium WPCRED" and "I Piani assistenza e i crediti di assistenza
    acquistati durano un anno (365 giorni dalla data di acquisto)": the
    credits are those of the invoice lines of the packs as they stand, posted
    (or paid), less what their credit notes take back; what the customer used
    stays used."""

    def _hosting_and_pack_invoice(self, packs=1):
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.customer.id,
                "invoice_date": fields.Date.today(),
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": self.product_hosting.id,
                            "quantity": 1,
                            "price_unit": 300.0,
                        }
                    ),
                    Command.create(
                        {
                            "product_id": self.credit_pack.id,
                            "quantity": packs,
                            "price_unit": 100.0,
                        }
                    ),
                ],
            }
        )
        invoice.action_post()
        self._pay(invoice)
        return invoice

    def _use(self, quantity):
        ticket = self._ticket(self.cat_logs)
        self.env["support.credit.move"]._consume(
            self.customer, self.company, quantity, ticket=ticket
        )
        return ticket

    def _credit_note(self, invoice, keep_product, quantity=None):
        """A credit note through the reversal wizard, crediting only the line
        of ``keep_product`` (``quantity`` of it), as staff edit it; the
        invoice sold credits, so a support terms manager confirms it."""
        wizard = (
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
        action = wizard.refund_moves()
        credit_note = self.env["account.move"].browse(action["res_id"])
        self.assertEqual(credit_note.reversed_entry_id, invoice)
        with Form(credit_note) as form:
            for index in reversed(range(len(form.invoice_line_ids))):
                with form.invoice_line_ids.edit(index) as line:
                    product = line.product_id
                if product != keep_product:
                    form.invoice_line_ids.remove(index)
                elif quantity:
                    with form.invoice_line_ids.edit(index) as line:
                        line.quantity = quantity
        credit_note.action_post()
        return credit_note

    def _moves(self, move_type):
        return self.env["support.credit.move"].search(
            [("partner_id", "=", self.customer.id), ("move_type", "=", move_type)]
        )

    def test_crediting_the_hosting_line_keeps_the_credits(self):
        invoice = self._hosting_and_pack_invoice()
        self._use(3)
        self.assertEqual(self._balance(), 7)
        self._credit_note(invoice, self.product_hosting)
        self.assertEqual(self._balance(), 7)
        self.assertFalse(self._moves("reversal"))

    def test_crediting_the_pack_line_takes_back_its_credits_used_ones_stay(self):
        invoice = self._hosting_and_pack_invoice(packs=2)
        ticket = self._use(3)
        self.assertEqual(self._balance(), 17)
        # one pack of two credited: its 10 credits go back
        first = self._credit_note(invoice, self.credit_pack, quantity=1)
        self.assertEqual(self._balance(), 7)
        self.assertEqual(self._moves("reversal").quantity, -10)
        # whatever runs it again, a credit note line takes back once
        self.env["support.credit.move"]._take_back_credited(first)
        self.assertEqual(self._balance(), 7)
        # the other one: 7 left are taken back, the 3 used stay used
        second = self._credit_note(invoice, self.credit_pack, quantity=1)
        self.assertEqual(self._balance(), 0)
        self.assertEqual(sorted(self._moves("reversal").mapped("quantity")), [-10, -7])
        self.assertEqual(ticket.support_credits_charged, 3)
        self.assertEqual(self._moves("consumption").quantity, -3)
        note = second.message_ids.filtered(lambda m: "Prepaid credits" in m.body)
        self.assertIn("7.0 credits withdrawn", note.body)
        self.assertIn("3.0 already used are kept", note.body)
        self.assertTrue(first.message_ids.filtered(lambda m: "Prepaid" in m.body))
        # a credit note back to draft no longer takes back
        second.button_draft()
        self.assertEqual(self._balance(), 7)

    def test_pack_invoice_reset_to_draft_and_edited_grants_its_new_quantity(self):
        self.company.support_credit_grant_on = "posted"
        invoice = self._invoice()
        ticket = self._use(3)
        self.assertEqual(self._balance(), 7)
        invoice.button_draft()
        self.assertEqual(self._balance(), 0)
        self.assertIn(
            "reset to draft: 7.0 credits withdrawn",
            self._moves("reversal").name,
        )
        with Form(invoice) as form:
            with form.invoice_line_ids.edit(0) as line:
                line.quantity = 2
        invoice.action_post()
        # 20 credits bought, 3 of them already used
        self.assertEqual(self._balance(), 17)
        self.assertEqual(ticket.support_credits_charged, 3)
        live = self._grants().filtered(lambda g: not g.withdrawn)
        self.assertEqual(live.quantity, 20)
        self.assertEqual(live.remaining, 17)
        # posted again unchanged: still the same pack
        invoice.button_draft()
        invoice.action_post()
        self.assertEqual(self._balance(), 17)
        # cancelled: withdrawn, the used credits stay used
        invoice.button_cancel()
        self.assertEqual(self._balance(), 0)
        self.assertEqual(ticket.support_credits_charged, 3)

    def test_payment_unreconciled_withdraws_credits_granted_on_payment(self):
        self.assertEqual(self.company.support_credit_grant_on, "paid")
        invoice = self._invoice()
        self._pay(invoice)
        self.assertEqual(self._balance(), 10)
        partial = invoice.line_ids.matched_credit_ids
        self.assertTrue(partial)
        payment_line = partial.credit_move_id
        invoice.js_remove_outstanding_partial(partial.id)
        self.assertEqual(invoice.payment_state, "not_paid")
        self.assertEqual(self._balance(), 0)
        self.assertIn("no longer paid", self._moves("reversal").name)
        # paid again with the same payment: granted again
        invoice.js_assign_outstanding_line(payment_line.id)
        self.assertEqual(invoice.payment_state in ("paid", "in_payment"), True)
        self.assertEqual(self._balance(), 10)

    def test_reposted_invoice_keeps_what_its_credit_note_took_back(self):
        self.company.support_credit_grant_on = "posted"
        invoice = self._hosting_and_pack_invoice(packs=2)
        self._credit_note(invoice, self.credit_pack, quantity=1)
        self.assertEqual(self._balance(), 10)
        invoice.button_draft()
        self.assertEqual(self._balance(), 0)
        invoice.action_post()
        self.assertEqual(self._balance(), 10)

    def test_pack_line_removed_from_the_draft_invoice(self):
        self.company.support_credit_grant_on = "posted"
        invoice = self._invoice()
        ticket = self._use(3)
        invoice.button_draft()
        with Form(invoice) as form:
            form.invoice_line_ids.remove(0)
            with form.invoice_line_ids.new() as line:
                line.product_id = self.product_hosting
        invoice.action_post()
        self.assertEqual(self._balance(), 0)
        self.assertEqual(ticket.support_credits_charged, 3)
        withdrawn = self._grants()
        self.assertTrue(withdrawn.withdrawn)
        self.assertEqual(withdrawn.invoice_id, invoice)
        self.assertFalse(withdrawn.invoice_line_id)

    def test_paid_invoice_reset_to_draft_says_so(self):
        invoice = self._invoice()
        self._pay(invoice)
        self._use(3)
        invoice.button_draft()
        self.assertEqual(self._balance(), 0)
        self.assertIn(
            "reset to draft: 7.0 credits withdrawn", self._moves("reversal").name
        )
        note = invoice.message_ids.filtered(lambda m: "Prepaid credits" in m.body)
        self.assertIn("3.0 already used are kept", note.body)
        # cancelled from posted: withdrawn as cancelled
        other = self._invoice(quantity=2)
        self._pay(other)
        other.button_cancel()
        self.assertEqual(self._balance(), 0)
        self.assertIn(
            "cancelled: 20.0 credits withdrawn",
            self._moves("reversal")
            .filtered(lambda m: m.pack_id.invoice_id == other)
            .name,
        )
