from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common_late_payment import LatePaymentCase
from .common_renewal import RenewalCase


@tagged("post_install", "-at_install")
class TestServiceStateAcrossRenewal(LatePaymentCase, RenewalCase):
    """The terms: services "saranno rinnovati tacitamente, in automatico, di
    anno in anno"; on a late payment the provider may "sospendere e/o
    interrompere i Servizi"; "La riattivazione dei Servizi avverrà solo dopo
    l'avvenuto pagamento".

    A renewal continues the service as it is: a suspended service is still
    suspended in its new period, a service the provider ended is not renewed.
    """

    def _hosting_sold_15_march_2025(self):
        # ends 14 March 2026; last day to cancel 13 January 2026
        return self._service(self.hosting, date(2025, 3, 15))

    def _renew_on_14_january(self):
        with freeze_time("2026-01-14 10:00"):
            self.run_renewal()
            self.run_renewal()

    def test_suspended_service_renewed_as_new_line_stays_suspended_until_paid(self):
        """Suspended on 6 January for an invoice due on the 5th, renewed on
        14 January by OCA's successor line: the new period is as suspended
        as the old one until the invoice is paid; then both come back."""
        self.company.create_new_line_at_contract_line_renew = True
        line = self._hosting_sold_15_march_2025()
        invoice = self._invoice(due=date(2026, 1, 5))
        with freeze_time("2026-01-06 04:00"):
            self.run_cron()
        suspension = self.suspensions()
        self.assertIn(line, suspension.line_ids)
        self.assertEqual(line.service_state, "suspended")
        self._renew_on_14_january()
        successor = line.successor_contract_line_id
        self.assertTrue(successor, "renewed as a new line")
        self.assertEqual(successor.service_state, "suspended")
        self.assertIn(successor, suspension.line_ids)
        with freeze_time("2026-01-20 10:00"):
            self._pay(invoice, date(2026, 1, 20))
            self.run_cron()
        self.assertEqual(suspension.state, "lifted")
        self.assertEqual(successor.service_state, "active")
        self.assertEqual(line.service_state, "active")
