from datetime import date

from freezegun import freeze_time

from odoo.tests import new_test_user, tagged

from .common import RenewalCase


@tagged("post_install", "-at_install")
class TestServiceStateAcrossRenewal(RenewalCase):
    """The terms: services "saranno rinnovati tacitamente, in automatico, di
    anno in anno"; the provider may "interrompere i Servizi".

    A renewal continues the service as it is: a service the provider ended
    is not renewed.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env,
            login="renewal_manager",
            groups="support_terms_base.group_support_terms_manager,account.group_account_invoice",
            name="Terms Manager",
        )

    def _hosting_sold_15_march_2025(self):
        # ends 14 March 2026; last day to cancel 13 January 2026
        return self._service(self.hosting, date(2025, 3, 15))

    def _renew_on_14_january(self):
        with freeze_time("2026-01-14 10:00"):
            self.run_renewal()
            self.run_renewal()

    def test_terminated_service_is_not_renewed_tacitly(self):
        """A manager ended the hosting in December: on 14 January nothing
        renews it, neither by extending the line nor by a successor line,
        and the customer is not told that it renews."""
        for new_line in (False, True):
            with self.subTest(new_line_at_renewal=new_line):
                self.company.create_new_line_at_contract_line_renew = new_line
                line = self._hosting_sold_15_march_2025()
                with freeze_time("2025-12-01 10:00"):
                    line.with_user(self.manager).action_terminate_service()
                with freeze_time("2025-12-15 10:00"):
                    self.run_renewal()
                self._renew_on_14_january()
                self.assertEqual(line.date_end, date(2026, 3, 14))
                self.assertFalse(line.successor_contract_line_id)
                self.assertFalse(line.next_renewal_date)
                self.assertFalse(
                    line.renewal_reminder_ids.filtered(lambda r: r.state == "sent")
                )
