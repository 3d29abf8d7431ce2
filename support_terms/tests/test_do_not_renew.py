from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common_late_payment import DUE, LatePaymentCase


def day(days):
    return DUE + timedelta(days=days)


@tagged("post_install", "-at_install")
class TestRepeatLatePayers(LatePaymentCase):
    def setUp(self):
        super().setUp()
        self.company.support_do_not_renew_threshold = 3
        self.contract.user_id = self.manager
        self.line.write(
            {
                "date_end": date(2026, 12, 31),
                "is_auto_renew": True,
                "auto_renew_interval": 1,
                "auto_renew_rule_type": "yearly",
            }
        )

    def test_three_late_payments_stop_the_next_renewal(self):
        paid_on_time = self._invoice(due=day(-30))
        self._pay(paid_on_time, day(-31))
        # paid late, but before the window of 24 months
        old = self._invoice(due=date(2023, 3, 1))
        self._pay(old, date(2023, 4, 1))
        for index in range(2):
            invoice = self._invoice(due=day(index * 10))
            with freeze_time(day(index * 10 + 5)):
                self._pay(invoice, day(index * 10 + 5))
        with freeze_time(day(30)):
            self.assertEqual(self.customer.late_payment_count, 2)
            self.assertFalse(self.customer.do_not_renew)
            self.assertTrue(self.line.is_auto_renew)
            invoice = self._invoice(due=day(25))
            self._pay(invoice, day(30))
            self.customer.invalidate_recordset()
            self.assertEqual(self.customer.late_payment_count, 3)
        self.assertTrue(self.customer.do_not_renew)
        self.assertIn(
            "Marked do not renew: 3 late payments",
            "\n".join(self.customer.message_ids.mapped("body")),
        )
        self.assertFalse(self.line.is_auto_renew)
        activity = self.contract.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.manager)
        self.assertIn("will not renew", self.contract.message_ids[0].body)
        mail = self.mails(self.customer, "will not be renewed")
        self.assertEqual(len(mail), 1)
        self.assertIn("ends at its expiry", mail.body_html)
        # OCA's renewal action leaves the line to end; a customer who pays on
        # time renews
        self.other_line.write(
            {
                "date_end": date(2026, 12, 31),
                "is_auto_renew": True,
                "auto_renew_interval": 1,
                "auto_renew_rule_type": "yearly",
            }
        )
        renewal = self.env.ref("contract_line_successor.contract_line_cron_for_renew")
        with freeze_time(date(2026, 12, 30)):
            self.run_like_the_cron_worker(renewal)
        # OCA extends a renewed line by one period (or adds a successor)
        self.assertEqual(self.other_line.date_end, date(2027, 12, 31))
        self.assertEqual(self.line.date_end, date(2026, 12, 31))
        self.assertFalse(self.line.successor_contract_line_id)

    def _tacit_line(self, partner, product):
        contract = self.env["contract.contract"].create(
            {
                "name": f"{partner.name} - {product.name}",
                "partner_id": partner.id,
                "line_recurrence": True,
                "contract_line_ids": [
                    (
                        0,
                        0,
                        {
                            "product_id": product.id,
                            "name": product.name,
                            "quantity": 1,
                            "price_unit": 100.0,
                            "recurring_rule_type": "yearly",
                            "recurring_interval": 1,
                            "date_start": date(2026, 1, 1),
                            "date_end": date(2026, 12, 31),
                            "is_auto_renew": True,
                            "auto_renew_rule_type": "yearly",
                            "auto_renew_interval": 1,
                        },
                    )
                ],
            }
        )
        return contract.contract_line_ids

    def test_do_not_renew_stops_a_tacit_renewal_at_its_notice_deadline(self):
        """The terms: renewed tacitly unless noticed 60 days before the end."""
        product = self._create_product("Dominio .it", self.company)
        product.product_tmpl_id.write(
            {
                "service_kind": "domain",
                "renewal_policy": "anniversary",
                "notice_days": 60,
            }
        )
        line = self._tacit_line(self.customer, product)
        control = self._tacit_line(self.other_customer, product)
        self.assertEqual(line.notice_deadline, date(2026, 11, 1))
        self.customer.with_user(self.manager).write({"do_not_renew": True})
        renewal = self.env.ref("contract_line_successor.contract_line_cron_for_renew")
        with freeze_time(date(2026, 11, 2)):
            self.run_like_the_cron_worker(renewal)
        self.assertEqual(control.date_end, date(2027, 12, 31))
        self.assertEqual(line.date_end, date(2026, 12, 31))
        self.assertFalse(line.is_auto_renew)
        self.assertFalse(line.successor_contract_line_id)

    def test_only_a_manager_marks_do_not_renew(self):
        with self.assertRaises(AccessError):
            self.customer.with_user(self.accountant).write({"do_not_renew": True})
        self.assertTrue(self.line.is_auto_renew)
        self.customer.with_user(self.manager).write({"do_not_renew": True})
        self.assertFalse(self.line.is_auto_renew)


@tagged("post_install", "-at_install")
class TestLatePaymentsPerCompany(LatePaymentCase):
    """The terms: the provider "potrà comunicare al Cliente che non abbia
    rispettato, una o più volte, i termini dei pagamenti di ... interromperne
    la fornitura alla prima scadenza utile": each provider (company) judges
    its own invoices."""

    def setUp(self):
        super().setUp()
        self.company_b = self._other_company("Provider B Srl")
        product_b = self._create_product("Hosting B", self.company_b)
        renew = {
            "date_end": date(2026, 12, 31),
            "is_auto_renew": True,
            "auto_renew_interval": 1,
            "auto_renew_rule_type": "yearly",
        }
        _contract_b, self.line_b = self._create_contract(
            self.customer, product_b, "2026-01-01", company=self.company_b, **renew
        )
        self.line.write(renew)

    def test_late_payments_in_one_company_do_not_stop_renewals_in_another(self):
        for index in range(2):
            invoice = self._invoice(due=day(index * 10))
            with freeze_time(day(index * 10 + 5)):
                self._pay(invoice, day(index * 10 + 5))
        customer_a = self.customer.with_company(self.company)
        customer_b = self.customer.with_company(self.company_b)
        with freeze_time(day(20)):
            self.assertEqual(customer_a.late_payment_count, 2)
            self.assertEqual(customer_b.late_payment_count, 0)
        self.assertTrue(customer_a.do_not_renew)
        self.assertFalse(customer_b.do_not_renew)
        self.assertFalse(self.line.is_auto_renew)
        self.assertTrue(self.line_b.is_auto_renew)

    def test_manager_marks_do_not_renew_in_one_company_only(self):
        self.customer.with_user(self.manager).with_company(self.company).write(
            {"do_not_renew": True}
        )
        self.assertTrue(self.customer.with_company(self.company).do_not_renew)
        self.assertFalse(self.customer.with_company(self.company_b).do_not_renew)
        self.assertFalse(self.line.is_auto_renew)
        self.assertTrue(self.line_b.is_auto_renew)

    def test_do_not_renew_marked_before_the_upgrade_stays_in_every_company(self):
        """Data present before the upgrade: the flag was one for every
        company; the upgrade keeps it in each company rather than failing
        (Odoo cannot cast a boolean column to jsonb)."""
        self.env.flush_all()
        self.env.cr.execute(
            "ALTER TABLE res_partner ALTER COLUMN do_not_renew TYPE boolean "
            "USING false"
        )
        self.env.cr.execute(
            "UPDATE res_partner SET do_not_renew = true WHERE id = %s",
            [self.customer.id],
        )
        # what an upgrade of the module runs on the table
        self.registry.init_models(
            self.env.cr, ["res.partner"], {"module": "support_terms"}, install=False
        )
        self.env.invalidate_all()
        for company in (self.company, self.company_b):
            self.assertTrue(self.customer.with_company(company).do_not_renew)
            self.assertFalse(self.other_customer.with_company(company).do_not_renew)
