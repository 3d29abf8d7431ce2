from datetime import timedelta

from freezegun import freeze_time

from odoo.tests import new_test_user, tagged

from .common import DUE, LatePaymentCase


@tagged("post_install", "-at_install")
class TestCustomerFormSuspension(LatePaymentCase):
    """Staff see on the customer form that its services are suspended, since
    when, and its late payments.

    Issue scenario: "the customer form has no services, suspension or credit
    balance"; terms: "in caso di mancato pagamento i servizi sono sospesi".
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = new_test_user(
            cls.env,
            login="suspension_form_user",
            groups="base.group_user,support_terms_base.group_support_terms_user",
        )

    def test_suspended_customer_form(self):
        self._invoice()
        customer = self.customer.with_user(self.user)
        banner = "//div[@name='support_suspended_banner']"
        button = "//button[@name='action_view_support_suspensions']"
        self.assertFalse(self._shown(customer, banner))
        self.assertFalse(self._shown(customer, button))
        suspended_on = DUE + timedelta(days=1)
        with freeze_time(suspended_on):
            self.run_cron()
        customer.invalidate_recordset()
        self.assertEqual(customer.support_suspension_count, 1)
        self.assertEqual(customer.support_suspended_since, suspended_on)
        self.assertTrue(self._shown(customer, banner))
        self.assertTrue(self._shown(customer, button))
        self.assertTrue(
            self._shown(
                customer,
                "//group[@name='support_facts_right']/field[@name='late_payment_count']",
            )
        )
        action = customer.action_view_support_suspensions()
        found = (
            self.env["support.service.suspension"]
            .with_user(self.user)
            .search(action["domain"])
        )
        self.assertEqual(found, self.suspensions())
        # the other customer is not suspended
        other = self.other_customer.with_user(self.user)
        self.assertFalse(self._shown(other, banner))
