from datetime import date
from types import SimpleNamespace

from freezegun import freeze_time

from odoo import Command
from odoo.modules.loading import load_data
from odoo.modules.module import get_manifest
from odoo.tests import tagged

from odoo.addons.support_terms_base.tests.common import SupportTermsBaseCase

TODAY = date(2026, 6, 15)
MODULE = "support_terms_suspension"


@tagged("post_install", "-at_install")
class TestInstallOnALiveDatabase(SupportTermsBaseCase):
    """A provider already invoicing in Odoo installs or upgrades the addon.

    Its company existed before the addon, with late payers holding active
    services. The terms say the provider "si riserva la facoltà di
    sospendere" the services of a late payer: a right the company chooses to
    use, so nothing happens to anybody until it turns it on.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a company as the install finds it: its new columns at their defaults
        cls.live = cls._other_company("Provider Live Srl")
        cls.hosting = cls._create_product("Hosting Live", cls.live)
        cls.late_payers = cls.env["res.partner"].create(
            [
                {
                    "name": f"Cliente moroso {n}",
                    "is_company": True,
                    "email": f"moroso{n}@example.com",
                }
                for n in range(3)
            ]
        )
        cls.lines = cls.env["contract.line"]
        cls.invoices = cls.env["account.move"]
        for partner in cls.late_payers:
            _contract, line = cls._create_contract(
                partner, cls.hosting, date(2026, 1, 1), company=cls.live
            )
            cls.lines |= line
            invoice = (
                cls.env["account.move"]
                .with_company(cls.live)
                .create(
                    {
                        "move_type": "out_invoice",
                        "partner_id": partner.id,
                        "invoice_date": date(2026, 1, 1),
                        "invoice_date_due": date(2026, 1, 31),
                        "invoice_payment_term_id": False,
                        "invoice_line_ids": [
                            Command.create(
                                {
                                    "product_id": cls.hosting.id,
                                    "quantity": 1,
                                    "price_unit": 120.0,
                                    "tax_ids": [Command.clear()],
                                }
                            )
                        ],
                    }
                )
            )
            invoice.action_post()
            cls.invoices |= invoice

    def _load_addon_data(self, mode):
        """What installing (``init``) or upgrading (``update``) the addon
        loads: the data files of its manifest, by Odoo's own loader."""
        package = SimpleNamespace(name=MODULE, data=get_manifest(MODULE))
        load_data(self.env(su=True), {}, mode, "data", package)
        self.env.invalidate_all()

    def _run_every_scheduled_action(self):
        crons = self.env["ir.model.data"].search(
            [("module", "=", MODULE), ("model", "=", "ir.cron")]
        )
        crons = self.env["ir.cron"].browse(crons.mapped("res_id"))
        self.assertTrue(crons)
        for cron in crons:
            for _twice in range(2):
                self.run_like_the_cron_worker(cron)

    def _suspensions(self):
        return self.env["support.service.suspension"].search(
            [("partner_id", "in", self.late_payers.ids)]
        )

    def _mails_to_customers(self):
        return self.env["mail.mail"].search(
            [("recipient_ids", "in", self.late_payers.ids)]
        )

    def test_install_suspends_and_emails_nobody_until_the_company_turns_it_on(self):
        self.assertFalse(self.live.support_overdue_suspension)
        self.assertFalse(self.live.support_reactivation_fee_product_id)
        mails_before = self.env["mail.mail"].search_count([])
        with freeze_time(TODAY):
            self._load_addon_data("init")
            self._run_every_scheduled_action()
        self.assertFalse(self._suspensions())
        self.assertEqual(set(self.lines.mapped("service_state")), {"active"})
        self.assertFalse(self._mails_to_customers())
        self.assertEqual(self.env["mail.mail"].search_count([]), mails_before)
        self.assertFalse(self.invoices.support_suspension_id)

        # the company turns the suspension on in Settings: now it applies
        settings = (
            self.env["res.config.settings"]
            .with_company(self.live)
            .create({"support_overdue_suspension": True})
        )
        settings.execute()
        self.assertTrue(self.live.support_overdue_suspension)
        with freeze_time(TODAY):
            self.run_like_the_cron_worker(
                self.env.ref("support_terms_suspension.ir_cron_overdue_suspension")
            )
        self.assertEqual(self._suspensions().partner_id, self.late_payers)
        self.assertEqual(set(self.lines.mapped("service_state")), {"suspended"})
        self.assertEqual(len(self._mails_to_customers()), 3)

    def test_upgrade_keeps_the_no_fee_choice(self):
        """The terms' fee is a choice: an upgrade never puts it back."""
        self.live.write(
            {
                "support_overdue_suspension": True,
                "support_overdue_grace_days": 10,
                "support_reactivation_fee_product_id": False,
                "support_suspension_email": False,
            }
        )
        self._load_addon_data("update")
        self.assertFalse(self.live.support_reactivation_fee_product_id)
        self.assertTrue(self.live.support_overdue_suspension)
        self.assertEqual(self.live.support_overdue_grace_days, 10)
        self.assertFalse(self.live.support_suspension_email)
        # the company that chose the fee keeps it too
        fee = self.env.ref("support_terms_suspension.product_reactivation_fee")
        # with its VAT, as the terms say ("+ iva")
        fee.taxes_id |= self.company.account_sale_tax_id
        self.company.support_reactivation_fee_product_id = fee
        self._load_addon_data("update")
        self.assertEqual(self.company.support_reactivation_fee_product_id, fee)
        self.assertFalse(self.live.support_reactivation_fee_product_id)

    def test_new_company_starts_with_everything_off(self):
        company = self.env["res.company"].create({"name": "Provider Nuovo Srl"})
        self.assertFalse(company.support_overdue_suspension)
        self.assertFalse(company.support_reactivation_fee_product_id)
