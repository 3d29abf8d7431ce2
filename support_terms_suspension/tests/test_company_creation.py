from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import Form, HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestCompanyCreation(HttpCase):
    """An administrator creates companies with support_terms installed.

    The reactivation fee ("La riattivazione dei Servizi avverrà solo dopo
    l'avvenuto pagamento e comporterà un addebito pari a euro 20.00 + iva")
    is checked on each company, including one its creator does not belong to
    yet: the company being created.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.fee_product = cls.env.ref(
            "support_terms_suspension.product_reactivation_fee"
        )
        cls.admin = new_test_user(
            cls.env,
            login="provider_admin",
            password="provider-admin-1",
            groups="base.group_user,base.group_system,base.group_erp_manager,"
            "base.group_partner_manager",
            company_id=cls.env.company.id,
            company_ids=[Command.set(cls.env.company.ids)],
        )

    def _companies(self):
        return self.env["res.company"].sudo().search_count([])

    def test_admin_creates_company_through_orm_with_and_without_fee_product(self):
        before = self._companies()
        Company = self.env["res.company"].with_user(self.admin)
        company = Company.create(
            {
                "name": "Provider Nord Srl",
                "support_reactivation_fee_product_id": self.fee_product.id,
            }
        )
        self.assertEqual(company.support_reactivation_fee_product_id, self.fee_product)
        self.assertIn(company, self.admin.company_ids)
        without = Company.create(
            {
                "name": "Provider Senza Penale Srl",
                "support_reactivation_fee_product_id": False,
            }
        )
        self.assertFalse(without.support_reactivation_fee_product_id)
        self.assertEqual(self._companies(), before + 2)

    def test_admin_creates_company_through_orm_with_the_default_fee(self):
        company = (
            self.env["res.company"]
            .with_user(self.admin)
            .create({"name": "Provider Default Srl"})
        )
        self.assertTrue(company.exists())

    def test_admin_creates_company_in_the_companies_form(self):
        """Settings > Companies > New, as the form does it (onchanges, save)."""
        before = self._companies()
        with Form(self.env["res.company"].with_user(self.admin)) as form:
            form.name = "Provider Form Srl"
        self.assertTrue(form.record.exists())
        self.assertEqual(self._companies(), before + 1)

    def test_admin_creates_company_through_web_save(self):
        """The same form saved over JSON-RPC, in the administrator's session."""
        self.authenticate("provider_admin", "provider-admin-1")
        before = self._companies()
        for name, fee in (
            ("Provider Web Srl", self.fee_product.id),
            ("Provider Web Senza Penale Srl", False),
        ):
            result = self.make_jsonrpc_request(
                "/web/dataset/call_kw/res.company/web_save",
                {
                    "model": "res.company",
                    "method": "web_save",
                    "args": [
                        [],
                        {"name": name, "support_reactivation_fee_product_id": fee},
                    ],
                    "kwargs": {
                        "specification": {
                            "name": {},
                            "support_reactivation_fee_product_id": {},
                        }
                    },
                },
            )
            self.assertEqual(result[0]["name"], name)
            self.assertEqual(
                result[0]["support_reactivation_fee_product_id"], fee or False
            )
        self.assertEqual(self._companies(), before + 2)

    def test_late_payment_settings_that_make_no_sense_are_refused(self):
        """Grace days and the do-not-renew threshold are never negative, the
        window of late payments is at least a month; each problem is named,
        nothing is written."""
        company = self.env.company
        before = (
            company.support_overdue_grace_days,
            company.support_late_payment_months,
            company.support_do_not_renew_threshold,
        )
        for values, message in (
            ({"support_overdue_grace_days": -1}, "grace days cannot be negative"),
            ({"support_late_payment_months": 0}, "at least one month"),
            (
                {
                    "support_late_payment_months": 0,
                    "support_do_not_renew_threshold": -1,
                },
                "at least one month; the late payments before do not renew",
            ),
        ):
            with self.subTest(values=values):
                with self.assertRaises(ValidationError) as caught:
                    company.write(values)
                self.assertIn(message, str(caught.exception))
                company.invalidate_recordset()
                self.assertEqual(
                    (
                        company.support_overdue_grace_days,
                        company.support_late_payment_months,
                        company.support_do_not_renew_threshold,
                    ),
                    before,
                )
        company.write(
            {
                "support_overdue_grace_days": 0,
                "support_late_payment_months": 24,
                "support_do_not_renew_threshold": 2,
            }
        )
        self.assertEqual(company.support_do_not_renew_threshold, 2)
