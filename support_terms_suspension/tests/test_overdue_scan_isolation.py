from freezegun import freeze_time

from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.support_terms_base.tests.common import TOOLS_LOGGER, FailureChecks

from .common import LatePaymentCase


@tagged("post_install", "-at_install")
class TestOverdueSuspensionIsolation(FailureChecks, LatePaymentCase):
    def test_customer_whose_email_fails_does_not_stop_the_others(self):
        """The terms: "sospendere ... i Servizi ... con effetto immediato". The
        provider adds the customer code to the email; one customer has none."""
        template = self.env.ref(
            "support_terms_suspension.mail_template_services_suspended"
        )
        template.body_html = (
            '<p>Codice cliente <t t-out="object.partner_id.ref.upper()"/></p>'
        )
        self.customer.ref = "c001"
        self.env["ir.config_parameter"].set_param(
            "support_terms.overdue_suspension_batch_size", 1
        )
        poison_invoice = self._invoice(partner=self.other_customer)
        invoices = self._invoice() | self._invoice()
        with freeze_time("2026-03-10"):
            self.run_with_poison(self.run_cron)
        self.assertEqual(len(self.suspensions()), 1)
        self.assertEqual(self.suspensions().invoice_ids, invoices)
        self.assertEqual(self.line.service_state, "suspended")
        self.assertEqual(len(self.mails(self.suspensions(), "suspended")), 1)
        # the other customer is rolled back alone: not suspended, not emailed
        self.assertFalse(self.suspensions(self.other_customer))
        self.assertEqual(self.other_line.service_state, "active")
        self.assert_set_aside(poison_invoice, 1, "Failed to render")
        with freeze_time("2026-03-11"):
            self.run_with_poison(self.run_cron)
        self.assert_set_aside(poison_invoice, 2, "Failed to render")
        self.assertEqual(len(self.suspensions()), 1)
        # staff give it its code: the next run suspends it
        self.other_customer.ref = "c002"
        with freeze_time("2026-03-12"):
            self.run_cron()
        self.assertEqual(len(self.suspensions(self.other_customer)), 1)
        self.assertEqual(self.other_line.service_state, "suspended")
        self.assertFalse(self.failure(poison_invoice))

    @mute_logger(TOOLS_LOGGER)
    def test_failure_rows_follow_the_company(self):
        other_company = self.env["res.company"].create({"name": "Provider B"})
        template = self.env.ref(
            "support_terms_suspension.mail_template_services_suspended"
        )
        template.body_html = '<p><t t-out="object.partner_id.ref.upper()"/></p>'
        poison_invoice = self._invoice(partner=self.other_customer)
        with freeze_time("2026-03-10"):
            self.run_cron()
        failure = self.failure(poison_invoice)
        self.assertEqual(failure.company_id, self.company)
        outsider = new_test_user(
            self.env,
            login="failures_outsider",
            groups="support_terms_base.group_support_terms_manager",
            company_id=other_company.id,
            company_ids=[(6, 0, other_company.ids)],
        )
        self.assertFalse(
            self.env["support.cron.failure"].with_user(outsider).search([])
        )
