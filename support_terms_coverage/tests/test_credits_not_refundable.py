from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import CoverageCase


@tagged("post_install", "-at_install")
class TestCreditsNotRefundable(CoverageCase):
    """ "I Piani assistenza e i crediti di assistenza acquistati durano un
    anno (365 giorni dalla data di acquisto). Non sono rimborsabili e non sono
    rivendibili": a credit note on a pack invoice is refused unless a support
    terms manager confirms it with a reason; then only the unused credits of
    the credited pack go back, the used ones stay used; credits all used
    cannot be credited at all."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.accountant = new_test_user(
            cls.env,
            login="contabile_credits",
            groups="account.group_account_invoice,"
            "support_terms_base.group_support_terms_user",
            name="Contabile",
        )
        cls.manager = new_test_user(
            cls.env,
            login="manager_credits",
            groups="account.group_account_invoice,"
            "support_terms_base.group_support_terms_manager",
            name="Responsabile Supporto",
        )

    def _paid_pack_invoice(self):
        invoice = self._invoice(quantity=2)
        self._pay(invoice)
        self.assertEqual(self._balance(), 20)
        return invoice

    def _use(self, quantity):
        ticket = self._ticket(self.cat_logs)
        self.env["support.credit.move"]._consume(
            self.customer, self.company, quantity, ticket=ticket
        )
        return ticket

    def _wizard(self, invoice, user, **values):
        form = Form(
            self.env["account.move.reversal"]
            .with_user(user)
            .with_context(
                active_model="account.move", active_ids=invoice.ids, lang=user.lang
            )
        )
        form.reason = "reso"
        for name, value in values.items():
            setattr(form, name, value)
        return form.save()

    def _counts(self):
        return (
            self.env["account.move"].search_count([]),
            self.env["support.credit.move"].search_count([]),
            self._balance(),
        )

    def test_refused_without_a_managers_confirmation(self):
        invoice = self._paid_pack_invoice()
        before = self._counts()
        wizard = self._wizard(invoice, self.accountant)
        self.assertTrue(wizard.support_sells_credits)
        self.assertEqual(wizard.support_credits_left, 20)
        with self.assertRaises(UserError) as caught:
            wizard.refund_moves()
        self.assertIn("not refundable", str(caught.exception))
        # "Reverse and create invoice" posts at once: refused the same way
        with self.assertRaises(UserError):
            wizard.modify_moves()
        # confirming is the manager's, not the accountant's
        wizard = self._wizard(
            invoice,
            self.accountant,
            support_credits_confirmed=True,
            support_credits_reason="Il cliente ha cambiato idea",
        )
        with self.assertRaises(AccessError) as caught:
            wizard.refund_moves()
        self.assertIn("only a support terms manager", str(caught.exception))
        self.assertEqual(self._counts(), before)
        self.assertFalse(invoice.reversal_move_ids)

    def test_refused_in_italian(self):
        invoice = self._paid_pack_invoice()
        self.accountant.lang = "it_IT"
        wizard = self._wizard(invoice, self.accountant)
        with self.assertRaises(UserError) as caught:
            wizard.refund_moves()
        self.assertIn("che non sono rimborsabili", str(caught.exception))

    def test_manager_confirms_only_unused_credits_go_back(self):
        invoice = self._paid_pack_invoice()
        ticket = self._use(3)
        wizard = self._wizard(
            invoice,
            self.manager,
            support_credits_confirmed=True,
            support_credits_reason="Pacchetto fatturato al cliente sbagliato",
        )
        wizard.refund_moves()
        credit_note = invoice.reversal_move_ids
        self.assertEqual(credit_note.support_credits_refund_user_id, self.manager)
        # the accountant posts what the manager confirmed
        credit_note.with_user(self.accountant).action_post()
        self.assertEqual(self._balance(), 0)
        self.assertEqual(ticket.support_credits_charged, 3)
        reversal = self.env["support.credit.move"].search(
            [("partner_id", "=", self.customer.id), ("move_type", "=", "reversal")]
        )
        self.assertEqual(reversal.quantity, -17)
        note = credit_note.message_ids.filtered(lambda m: "Prepaid credits" in m.body)
        self.assertIn("Pacchetto fatturato al cliente sbagliato", note.body)
        self.assertIn("Responsabile Supporto", note.body)
        self.assertIn("3.0 already used are kept", note.body)

    def test_credits_all_used_cannot_be_credited(self):
        invoice = self._paid_pack_invoice()
        self._use(20)
        before = self._counts()
        wizard = self._wizard(
            invoice,
            self.manager,
            support_credits_confirmed=True,
            support_credits_reason="Il cliente chiede il rimborso",
        )
        for action in (wizard.refund_moves, wizard.modify_moves):
            with self.assertRaises(UserError) as caught:
                action()
            self.assertIn("were all used", str(caught.exception))
        self.assertEqual(self._counts(), before)
        self.assertFalse(invoice.reversal_move_ids)

    def test_spent_pack_line_of_a_confirmed_credit_note_refused_at_posting(self):
        """Two packs on one invoice: one all used, one untouched; crediting
        the used one is refused when the credit note is posted."""
        small_pack = self.env["product.product"].create(
            {
                "name": "WPCRED 5 credits",
                "type": "service",
                "list_price": 50.0,
                "company_id": self.company.id,
                "support_credit_pack": True,
                "support_credits": 5,
                "support_credit_validity_days": 365,
            }
        )
        invoice = self._invoice(post=False)
        with Form(invoice) as form:
            with form.invoice_line_ids.new() as line:
                line.product_id = small_pack
        invoice.action_post()
        self._pay(invoice)
        self._use(10)
        self.assertEqual(self._balance(), 5)
        wizard = self._wizard(
            invoice,
            self.manager,
            support_credits_confirmed=True,
            support_credits_reason="Reso",
        )
        self.assertEqual(wizard.support_credits_left, 5)
        wizard.refund_moves()
        credit_note = invoice.reversal_move_ids
        before = self.env["support.credit.move"].search_count([])
        with self.assertRaises(UserError) as caught:
            credit_note.action_post()
        self.assertIn("were all used", str(caught.exception))
        self.assertEqual(credit_note.state, "draft")
        self.assertEqual(self.env["support.credit.move"].search_count([]), before)
        # crediting the untouched pack alone takes its credits back
        with Form(credit_note) as form:
            for index in reversed(range(len(form.invoice_line_ids))):
                with form.invoice_line_ids.edit(index) as line:
                    product = line.product_id
                if product == self.credit_pack:
                    form.invoice_line_ids.remove(index)
        credit_note.action_post()
        self.assertEqual(credit_note.state, "posted")
        self.assertEqual(self._balance(), 0)

    def test_credit_note_without_the_wizard_refused_at_posting(self):
        invoice = self._paid_pack_invoice()
        credit_note = invoice._reverse_moves()
        with self.assertRaises(UserError) as caught:
            credit_note.action_post()
        self.assertIn("confirming it with a reason", str(caught.exception))
        self.assertEqual(self._balance(), 20)

    def test_nobody_records_a_managers_confirmation_for_him(self):
        """The accountant writes the manager's name on a draft credit note
        over RPC, or posts a credit note of its own on the pack product: both
        refused, the credits stay."""
        invoice = self._paid_pack_invoice()
        credit_note = invoice._reverse_moves()
        with self.assertRaises(AccessError):
            credit_note.with_user(self.accountant).write(
                {
                    "support_credits_refund_user_id": self.manager.id,
                    "support_credits_refund_reason": "firmato da lui",
                }
            )
        self.assertFalse(credit_note.support_credits_refund_user_id)
        loose = self.env["account.move"].create(
            {
                "move_type": "out_refund",
                "partner_id": self.customer.id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": self.credit_pack.id,
                            "quantity": 2,
                            "price_unit": 100.0,
                        }
                    )
                ],
            }
        )
        with self.assertRaises(UserError) as caught:
            loose.with_user(self.accountant).action_post()
        self.assertIn("credit the invoice that sold them", str(caught.exception))
        self.assertEqual(loose.state, "draft")
        self.assertEqual(self._balance(), 20)

    def test_unpaid_invoice_granted_nothing_credited_freely(self):
        invoice = self._invoice()
        self.assertFalse(self._grants())
        wizard = self._wizard(invoice, self.accountant)
        self.assertFalse(wizard.support_sells_credits)
        wizard.refund_moves()
        invoice.reversal_move_ids.action_post()
        self.assertEqual(invoice.reversal_move_ids.state, "posted")


@tagged("post_install", "-at_install")
class TestCreditsNotTransferable(CoverageCase):
    """ "Non sono rimborsabili e non sono rivendibili": credits never move to
    another customer or company, whatever staff change."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env,
            login="manager_transfer",
            groups="account.group_account_manager,base.group_partner_manager,"
            "support_terms_base.group_support_terms_manager",
            name="Responsabile",
        )
        cls.company.support_credit_grant_on = "posted"
        cls.invoice = cls._invoice(cls)
        cls.pack = cls.env["support.credit.move"].search(
            [("partner_id", "=", cls.customer.id), ("move_type", "=", "grant")]
        )

    def _counts(self):
        return (
            self._balance(),
            self._balance(self.other_customer),
            self.env["support.credit.move"].search_count([]),
        )

    def test_a_credit_move_keeps_its_customer_and_company(self):
        before = self._counts()
        other_company = self.env["res.company"].create({"name": "Altra Srl"})
        moves = self.env["support.credit.move"].with_user(self.manager)
        with self.assertRaises(UserError) as caught:
            moves.browse(self.pack.id).partner_id = self.other_customer
        self.assertIn("not transferable", str(caught.exception))
        with self.assertRaises(UserError):
            self.pack.company_id = other_company
        # using a customer's pack for another customer
        with self.assertRaises(ValidationError) as caught:
            moves.create(
                {
                    "partner_id": self.other_customer.id,
                    "move_type": "consumption",
                    "quantity": -2,
                    "pack_id": self.pack.id,
                }
            )
        self.assertIn("not transferable", str(caught.exception))
        self.assertEqual(self._counts(), before)

    def test_a_customer_holding_credits_is_not_merged(self):
        before = self._counts()
        wizard = (
            self.env["base.partner.merge.automatic.wizard"]
            .with_user(self.manager)
            .create(
                {
                    "partner_ids": [(6, 0, (self.customer | self.other_customer).ids)],
                    "dst_partner_id": self.other_customer.id,
                }
            )
        )
        with self.assertRaises(UserError) as caught:
            wizard.action_merge()
        self.assertIn("not transferable", str(caught.exception))
        self.assertTrue(self.customer.exists().active)
        self.assertEqual(self._counts(), before)
        self.assertEqual(self.pack.partner_id, self.customer)

    def test_a_customer_holding_credits_does_not_join_another(self):
        before = self._counts()
        with self.assertRaises(UserError) as caught:
            self.customer.with_user(self.manager).write(
                {"is_company": False, "parent_id": self.other_customer.id}
            )
        self.assertIn("not transferable", str(caught.exception))
        self.assertFalse(self.customer.parent_id)
        self.assertEqual(self._counts(), before)

    def test_an_invoice_that_granted_credits_keeps_its_customer(self):
        self.invoice.button_draft()
        self.assertEqual(self._balance(), 0)
        with self.assertRaises(UserError) as caught:
            with Form(self.invoice.with_user(self.manager)) as form:
                form.partner_id = self.other_customer
        self.assertIn("cannot be transferred", str(caught.exception))
        self.invoice.action_post()
        self.assertEqual(self._balance(), 10)
        self.assertEqual(self._balance(self.other_customer), 0)
