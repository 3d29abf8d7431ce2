from datetime import date

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.support_terms_base.tests.common import SupportTermsBaseCase

# a Monday; invoices of February are due on this day
DUE = date(2026, 3, 2)


class LatePaymentCase(SupportTermsBaseCase):
    """A customer with a hosting service, invoices and a 22% VAT company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.company
        cls.vat22 = cls._sales_vat(company, "IVA 22% (test)")
        company.account_sale_tax_id = cls.vat22
        cls.fee_product = cls.env.ref(
            "support_terms_suspension.product_reactivation_fee"
        )
        cls.fee_product.taxes_id = [Command.set(cls.vat22.ids)]
        company.write(
            {
                "support_overdue_suspension": True,
                "support_reactivation_fee_product_id": cls.fee_product.id,
                "support_overdue_grace_days": 0,
                "support_suspension_email": True,
                "support_reactivation_fee_state": "posted",
                "support_late_payment_months": 24,
                "support_do_not_renew_threshold": 2,
                # counted since long before the invoices of the tests
                "support_late_payment_since": date(2020, 1, 1),
            }
        )
        # off until a company turns it on (on branches where the setting exists)
        if "support_overdue_suspension" in company._fields:
            company.support_overdue_suspension = True
        cls.customer.email = "amministrazione@rossi.example"
        cls.other_customer.email = "info@bianchi.example"
        cls.contract, cls.line = cls._create_contract(
            cls.customer, cls.product_hosting, "2026-01-01"
        )
        cls.other_contract, cls.other_line = cls._create_contract(
            cls.other_customer, cls.product_hosting, "2026-01-01"
        )
        cls.cron = cls.env.ref("support_terms_suspension.ir_cron_overdue_suspension")
        cls.manager = new_test_user(
            cls.env,
            login="st7_manager",
            groups="support_terms_base.group_support_terms_manager,account.group_account_invoice",
            name="Terms Manager",
        )
        cls.accountant = new_test_user(
            cls.env,
            login="st7_accountant",
            groups="account.group_account_invoice,base.group_user",
            name="Accountant",
        )

    @classmethod
    def _invoice(cls, partner=None, due=DUE, amount=100.0, invoice_date=None):
        partner = partner or cls.customer
        move = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "company_id": cls.company.id,
                "invoice_date": invoice_date or date(due.year, due.month, 1),
                "invoice_date_due": due,
                "invoice_payment_term_id": False,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": cls.product_hosting.id,
                            "quantity": 1,
                            "price_unit": amount,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        move.action_post()
        return move

    def _pay(self, invoice, on_date, amount=None, user=None):
        values = {"payment_date": on_date}
        if amount is not None:
            values["amount"] = amount
        wizard = (
            self.env["account.payment.register"]
            .with_user(user or self.accountant)
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create(values)
        )
        payments = wizard._create_payments()
        # what the commit of the payment's request runs first (precommit hooks)
        self.env.cr.flush()
        invoice.invalidate_recordset()
        return payments

    def _credit_note(self, invoice, reason):
        """The accountant credits ``invoice`` in full through the reversal
        wizard and posts the credit note."""
        reversal = (
            self.env["account.move.reversal"]
            .with_user(self.accountant)
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"reason": reason, "journal_id": invoice.journal_id.id})
        )
        reversal.refund_moves()
        credit_note = reversal.new_move_ids
        credit_note.action_post()
        return credit_note

    def run_cron(self):
        return self.run_like_the_cron_worker(self.cron)

    def suspensions(self, partner=None):
        return self.env["support.service.suspension"].search(
            [("partner_id", "=", (partner or self.customer).id)]
        )

    def fees(self, partner=None):
        return self.env["account.move"].search(
            [
                ("partner_id", "=", (partner or self.customer).id),
                ("support_reactivation_suspension_id", "!=", False),
            ]
        )

    def mails(self, record, subject_part):
        return self.env["mail.mail"].search(
            [
                ("model", "=", record._name),
                ("res_id", "=", record.id),
                ("subject", "ilike", subject_part),
            ]
        )
