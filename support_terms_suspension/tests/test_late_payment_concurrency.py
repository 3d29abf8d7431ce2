from datetime import date

from psycopg2 import IntegrityError, OperationalError

from odoo import SUPERUSER_ID, Command, api
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestPaymentDuringTheAction(TransactionCase):
    """A payment and the scheduled action reactivating at the same moment.

    Both run in their own committed transactions (other cursors), so the data
    is committed too, and removed at the end.
    """

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            partner = env["res.partner"].create(
                {"name": "Concorrenza Srl", "is_company": True, "email": "c@c.example"}
            )
            product = env["product.product"].create(
                {"name": "Hosting concorrenza", "type": "service", "list_price": 100}
            )
            contract = env["contract.contract"].create(
                {
                    "name": "Concorrenza hosting",
                    "partner_id": partner.id,
                    "line_recurrence": True,
                    "contract_line_ids": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "name": "Hosting",
                                "quantity": 1,
                                "price_unit": 100,
                                "recurring_rule_type": "yearly",
                                "recurring_interval": 1,
                                "date_start": date(2020, 1, 1),
                            }
                        )
                    ],
                }
            )
            invoice = env["account.move"].create(
                {
                    "move_type": "out_invoice",
                    "partner_id": partner.id,
                    "invoice_date": date(2020, 1, 1),
                    "invoice_date_due": date(2020, 1, 31),
                    "invoice_payment_term_id": False,
                    "invoice_line_ids": [
                        Command.create(
                            {"product_id": product.id, "quantity": 1, "price_unit": 100}
                        )
                    ],
                }
            )
            invoice.action_post()
            suspension = env["support.service.suspension"].create(
                {
                    "partner_id": partner.id,
                    "reason": "overdue",
                    "line_ids": [Command.set(contract.contract_line_ids.ids)],
                }
            )
            invoice.support_suspension_id = suspension
            fee = env.ref("support_terms_suspension.product_reactivation_fee")
            self.company_fee = (
                env.company.id,
                env.company.support_reactivation_fee_product_id.id,
            )
            # the company charges it with its VAT, as the terms say ("+ iva")
            vat = env.company.account_sale_tax_id
            self.fee_taxes_added = (
                (fee.product_tmpl_id.id, vat.id)
                if vat and vat not in fee.taxes_id
                else None
            )
            fee.taxes_id |= vat
            env.company.support_reactivation_fee_product_id = fee  # chosen
            self.ids = {
                "partner": partner.id,
                "product": product.id,
                "contract": contract.id,
                "invoice": invoice.id,
                "suspension": suspension.id,
            }
        self.addCleanup(self._remove_committed_data)

    def _remove_committed_data(self):
        ids = self.ids
        with self.registry.cursor() as cr:
            cr.execute(
                "UPDATE res_company SET support_reactivation_fee_product_id = %s "
                "WHERE id = %s",
                [self.company_fee[1] or None, self.company_fee[0]],
            )
            if self.fee_taxes_added:
                cr.execute(
                    "DELETE FROM product_taxes_rel WHERE prod_id = %s AND tax_id = %s",
                    list(self.fee_taxes_added),
                )
            cr.execute(
                "SELECT id FROM account_move WHERE commercial_partner_id = %s",
                [ids["partner"]],
            )
            moves = tuple(r[0] for r in cr.fetchall()) or (0,)
            cr.execute(
                "UPDATE support_service_suspension SET fee_invoice_id = NULL "
                "WHERE id = %s",
                [ids["suspension"]],
            )
            cr.execute(
                """DELETE FROM account_partial_reconcile p USING account_move_line l
                    WHERE l.move_id IN %s
                      AND l.id IN (p.debit_move_id, p.credit_move_id)""",
                [moves],
            )
            cr.execute(
                """DELETE FROM account_full_reconcile f USING account_move_line l
                    WHERE l.move_id IN %s AND l.full_reconcile_id = f.id""",
                [moves],
            )
            cr.execute("DELETE FROM account_payment WHERE move_id IN %s", [moves])
            cr.execute("DELETE FROM account_move WHERE id IN %s", [moves])
            cr.execute(
                "DELETE FROM support_service_suspension WHERE partner_id = %s",
                [ids["partner"]],
            )
            cr.execute("DELETE FROM contract_contract WHERE id = %s", [ids["contract"]])
            for model, res_ids in (
                ("account.move", moves),
                ("contract.contract", (ids["contract"],)),
                ("support.service.suspension", (ids["suspension"],)),
                ("res.partner", (ids["partner"],)),
            ):
                cr.execute(
                    "DELETE FROM mail_message WHERE model = %s AND res_id IN %s",
                    [model, res_ids],
                )
            cr.execute("DELETE FROM product_product WHERE id = %s", [ids["product"]])
            cr.execute(
                "DELETE FROM product_template t WHERE NOT EXISTS "
                "(SELECT 1 FROM product_product p WHERE p.product_tmpl_id = t.id) "
                "AND t.name->>'en_US' = 'Hosting concorrenza'"
            )
            cr.execute(
                "DELETE FROM mail_followers WHERE partner_id = %s", [ids["partner"]]
            )
            cr.execute(
                "DELETE FROM account_payment_register WHERE partner_id = %s",
                [ids["partner"]],
            )
            cr.execute("DELETE FROM res_partner WHERE id = %s", [ids["partner"]])

    def _fees(self, env):
        return env["account.move"].search(
            [("support_reactivation_suspension_id", "=", self.ids["suspension"])]
        )

    def test_one_fee_when_paid_while_the_action_runs(self):
        with self.registry.cursor() as cr_pay, self.registry.cursor() as cr_cron:
            env_pay = api.Environment(cr_pay, SUPERUSER_ID, {})
            env_cron = api.Environment(cr_cron, SUPERUSER_ID, {})
            invoice = env_pay["account.move"].browse(self.ids["invoice"])
            env_pay["account.payment.register"].with_context(
                active_model="account.move", active_ids=invoice.ids
            ).create({"payment_date": date(2020, 2, 10)})._create_payments()
            cr_pay.flush()  # the payment's transaction is about to commit
            # lifted with the payment; the fee is the action's job
            self.assertFalse(self._fees(env_pay))

            # meanwhile the action runs: the paying transaction holds the rows
            Suspension = env_cron["support.service.suspension"]
            Suspension._cron_overdue_suspension()
            suspension = Suspension.browse(self.ids["suspension"])
            self.assertEqual(suspension.state, "active")  # not paid in its snapshot
            cr_cron.execute("SET LOCAL lock_timeout = '200ms'")
            with mute_logger("odoo.sql_db"), self.assertRaises(OperationalError):
                suspension._lift_settled()
            cr_cron.rollback()

            cr_pay.commit()

            # the action's next run (or retry) finds the suspension lifted
            env_cron.invalidate_all()
            Suspension._cron_overdue_suspension()
            suspension._lift_settled()
            suspension._invoice_reactivation_fees()
            Suspension._cron_overdue_suspension()
            cr_cron.commit()
            env_cron.invalidate_all()
            self.assertEqual(suspension.state, "lifted")
            fee = self._fees(env_cron)
            self.assertEqual(len(fee), 1)
            self.assertEqual(suspension.fee_invoice_id, fee)
            self.assertEqual(suspension.line_ids.mapped("service_state"), ["active"])

            # and the database refuses a second fee whatever the code does
            with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
                with cr_cron.savepoint():
                    env_cron["account.move"].create(
                        {
                            "move_type": "out_invoice",
                            "partner_id": self.ids["partner"],
                            "support_reactivation_suspension_id": suspension.id,
                        }
                    )
                    env_cron.flush_all()
            cr_cron.rollback()
