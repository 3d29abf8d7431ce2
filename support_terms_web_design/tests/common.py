from odoo import Command
from odoo.tests import Form, new_test_user

from odoo.addons.support_terms_base.tests.common import SupportTermsBaseCase


class WebDesignCase(SupportTermsBaseCase):
    """A provider that designs web sites: a chart of accounts, a 22% VAT, a
    web design product and the staff who sign and deliver projects."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.company
        cls.vat22 = cls._sales_vat(company, "IVA 22% (test web)")
        cls.product_site = cls._create_product("Sito web vetrina", company)
        cls.product_site.write(
            {"service_kind": "web_design", "taxes_id": [Command.set(cls.vat22.ids)]}
        )
        cls.customer.email = "amministrazione@rossi.example"
        cls.designer = new_test_user(
            cls.env,
            login="web_designer",
            groups="base.group_user,support_terms_base.group_support_terms_manager",
            name="Web Designer",
        )
        cls.cron = cls.env.ref("support_terms_web_design.ir_cron_web_projects")

    def _sell_site(self, percent, price=2000.0, partner=None, lang=None):
        """Staff sell a site on a new contract, in the contract form, with
        the deposit agreed."""
        contracts = self.env["contract.contract"]
        if lang:
            contracts = contracts.with_context(lang=lang)
        form = Form(contracts)
        form.name = "Sito Rossi"
        form.partner_id = partner or self.customer
        form.line_recurrence = True
        with form.contract_line_ids.new() as line_form:
            line_form.product_id = self.product_site
            line_form.name = "Sito web vetrina"
            line_form.price_unit = price
            line_form.date_start = self.today
            line_form.support_deposit_percent = percent
        contract = form.save()
        return contract, contract.contract_line_ids.support_web_project_ids

    def run_cron(self):
        return self.run_like_the_cron_worker(self.cron)

    def invoices(self, project):
        return self.env["account.move"].search(
            [("invoice_line_ids.contract_line_id", "=", project.contract_line_id.id)]
        )
