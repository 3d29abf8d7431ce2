import importlib.util
import os
from datetime import date
from types import SimpleNamespace

from odoo.modules.loading import load_data
from odoo.modules.module import get_manifest, get_module_path
from odoo.tests import tagged

# the module, not its class: a class imported here would run twice
from odoo.addons.support_terms_suspension.tests import (
    test_suspension_install_safety as suspension_install,
)

from .common import SupportTermsCase

TODAY = date(2026, 6, 15)


ADDONS_IN_INSTALL_ORDER = (
    "support_terms_base",
    "support_terms_plan",
    "support_terms_sla",
    "support_terms_auto_close",
    "support_terms_coverage",
    "support_terms_renewal",
    "support_terms_suspension",
    "support_terms",
)


@tagged("post_install", "-at_install")
class TestInstallOnALiveDatabase(
    suspension_install.TestInstallOnALiveDatabase, SupportTermsCase
):
    """A provider already invoicing in Odoo installs or upgrades the
    application: the suspension addon's install tests run again with every
    addon's data and scheduled actions, and more.

    Its company existed before the addon: late payers with active services
    (the suspension addon's live company), requests without a plan. The
    terms say the provider "si riserva la facoltà di sospendere" the
    services of a late payer: a right the company chooses to use, so
    nothing happens to anybody until it turns it on.
    """

    # the suspension addon's tests run here too, on every addon's data
    allow_inherited_tests_method = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {"name": "Assistenza Live", "company_id": cls.live.id}
        )
        cls.waiting = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_awaiting")

    def _load_addon_data(self, mode):
        """What installing (``init``) or upgrading (``update``) support_terms
        loads: the data files of its manifest and of the feature addons it
        installs, base first, by Odoo's own loader."""
        for name in ADDONS_IN_INSTALL_ORDER:
            package = SimpleNamespace(name=name, data=get_manifest(name))
            load_data(self.env(su=True), {}, mode, "data", package)
        self.env.invalidate_all()

    def _run_every_scheduled_action(self):
        crons = self.env["ir.model.data"].search(
            [("module", "=like", "support_terms%"), ("model", "=", "ir.cron")]
        )
        crons = self.env["ir.cron"].browse(crons.mapped("res_id"))
        crons |= self.env.ref("contract_line_successor.contract_line_cron_for_renew")
        self.assertGreaterEqual(len(crons), 6)
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

    def test_upgrade_from_the_first_version_keeps_what_the_company_did(self):
        """A provider that ran the first version was suspending late payers
        and closing requests without a plan: the upgrade that adds the
        settings (their columns empty) keeps it doing so, and changes
        nothing a company chose."""
        self.live.write(
            {
                "support_reactivation_fee_product_id": False,
                "support_overdue_grace_days": 5,
            }
        )
        self.company.write(
            {
                "support_overdue_suspension": False,
                "support_auto_close_without_plan": False,
            }
        )
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE res_company SET support_overdue_suspension = NULL, "
            "support_auto_close_without_plan = NULL WHERE id = %s",
            [self.live.id],
        )
        self.env.invalidate_all()
        path = os.path.join(
            get_module_path("support_terms"),
            "migrations",
            "18.0.1.1.0",
            "post-migration.py",
        )
        spec = importlib.util.spec_from_file_location("support_terms_upgrade", path)
        migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(migration)
        migration.migrate(self.env.cr, "18.0.1.0.0")
        self.env.invalidate_all()
        self.assertTrue(self.live.support_overdue_suspension)
        self.assertTrue(self.live.support_auto_close_without_plan)
        self.assertFalse(self.live.support_reactivation_fee_product_id)
        self.assertEqual(self.live.support_overdue_grace_days, 5)
        # a choice made (off) is kept
        self.assertFalse(self.company.support_overdue_suspension)
        self.assertFalse(self.company.support_auto_close_without_plan)

    def test_new_company_starts_with_everything_off(self):
        """The suspension addon's settings, and closing without a plan."""
        res = super().test_new_company_starts_with_everything_off()
        company = self.env["res.company"].create({"name": "Nuova Srl"})
        self.assertFalse(company.support_auto_close_without_plan)
        return res


@tagged("post_install", "-at_install")
class TestTemplatesTurnOnWhatTheirTermsSay(SupportTermsCase):
    def _apply(self, template):
        company = self.env["res.company"].create({"name": f"Provider {template}"})
        self.env.user.company_ids |= company
        self.env["support.terms.template.apply"].with_company(company).create(
            {"template": template}
        ).action_apply()
        return company

    def test_hosting_gold_suspends_late_payers_with_a_20_euro_fee(self):
        """The terms: "In caso di tardivo, omesso, incompleto pagamento ...
        sospendere ... con effetto immediato"; "La riattivazione dei Servizi ...
        comporterà un addebito pari a euro 20.00 + iva"."""
        company = self._apply("hosting_gold")
        self.assertTrue(company.support_overdue_suspension)
        self.assertEqual(company.support_overdue_grace_days, 0)
        fee = company.support_reactivation_fee_product_id
        self.assertEqual(
            fee, self.env.ref("support_terms_suspension.product_reactivation_fee")
        )
        self.assertEqual(fee.lst_price, 20.0)
        self.assertFalse(company.support_auto_close_without_plan)

    def test_hosting_gold_fee_gets_the_company_vat_before_it_is_named(self):
        """A company with a sales VAT the shipped fee does not carry yet: the
        template adds the VAT to the fee, so naming it the company's
        reactivation fee passes the fee's check."""
        company = self.env["res.company"].create(
            {"name": "Provider with VAT", "country_id": self.env.ref("base.it").id}
        )
        self.env.user.company_ids |= company
        group = self.env["account.tax.group"].create(
            {"name": "IVA", "company_id": company.id}
        )
        tax = self.env["account.tax"].create(
            {
                "name": "IVA 22% test",
                "amount": 22,
                "type_tax_use": "sale",
                "company_id": company.id,
                "tax_group_id": group.id,
                "country_id": company.country_id.id,
            }
        )
        company.account_sale_tax_id = tax
        fee = self.env.ref("support_terms_suspension.product_reactivation_fee")
        self.assertNotIn(tax, fee.taxes_id)
        self.env["support.terms.template.apply"].with_company(company).create(
            {"template": "hosting_gold"}
        ).action_apply()
        self.assertEqual(company.support_reactivation_fee_product_id, fee)
        self.assertIn(tax, fee.taxes_id)

    def test_wp_maintenance_closes_every_request_but_suspends_nobody(self):
        """The terms: "il ticket di assistenza viene chiuso automaticamente entro
        7 giorni, se non riceviamo risposta dal cliente"; no suspension clause."""
        company = self._apply("wp_maintenance")
        self.assertTrue(company.support_auto_close_without_plan)
        self.assertFalse(company.support_overdue_suspension)
        self.assertFalse(company.support_reactivation_fee_product_id)

    def test_other_templates_turn_on_nothing_of_late_payment(self):
        for template in ("web_assistance", "hosting_priority", "hosting_credits"):
            with self.subTest(template=template):
                company = self._apply(template)
                self.assertFalse(company.support_overdue_suspension)
                self.assertFalse(company.support_reactivation_fee_product_id)
                self.assertEqual(
                    company.support_auto_close_without_plan,
                    template == "hosting_credits",
                )

    def test_only_wp_maintenance_reminds_customers_before_the_end(self):
        """Only its terms promise it: "verrai contattato dal nostro staff un
        mese prima della scadenza"."""
        for template in (
            "hosting_gold",
            "web_assistance",
            "wp_maintenance",
            "hosting_priority",
            "hosting_credits",
        ):
            with self.subTest(template=template):
                company = self._apply(template)
                self.assertEqual(
                    company.support_renewal_reminders, template == "wp_maintenance"
                )
                # the threshold of late payments is the provider's judgement
                # ("a suo insindacabile giudizio"): no template sets it
                self.assertEqual(company.support_do_not_renew_threshold, 0)
                self.assertFalse(company.support_late_payment_since)

    def test_a_template_never_turns_a_setting_off(self):
        company = self._apply("hosting_gold")
        self.env["support.terms.template.apply"].with_company(company).create(
            {"template": "wp_maintenance"}
        ).action_apply()
        self.assertTrue(company.support_overdue_suspension)
        self.assertTrue(company.support_reactivation_fee_product_id)
        self.assertTrue(company.support_auto_close_without_plan)
