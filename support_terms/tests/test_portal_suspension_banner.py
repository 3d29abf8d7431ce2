from odoo.tests import tagged

from .common_portal_customer import PortalCustomerCase


@tagged("post_install", "-at_install")
class TestPortalSuspensionBanner(PortalCustomerCase):
    """Suspended services are told on the home and on "My services", with
    the unpaid invoices that caused it and Odoo's own "Pay now".

    Issue scenario: "a banner for suspended services with the unpaid
    invoices and Odoo's own 'Pay now'"; "'Pay now' leads to 'No payment
    method available'" is the defect.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.overdue = cls._posted_invoice(cls.customer, 122.0, 10, cls.hosting)
        cls.other_overdue = cls._posted_invoice(cls.other, 333.0, 10, cls.banner)
        cls._suspend_overdue_customers()
        cls.provider = cls._enable_demo_payments()

    def test_the_daily_action_suspended_both_customers(self):
        Suspension = self.env["support.service.suspension"]
        for partner, invoice in (
            (self.customer, self.overdue),
            (self.other, self.other_overdue),
        ):
            suspension = Suspension.search(
                [("partner_id", "=", partner.id), ("state", "=", "active")]
            )
            self.assertEqual(suspension.invoice_ids, invoice)

    def test_banner_lists_the_invoices_to_pay_with_pay_now(self):
        self.authenticate("luigi_gino", "luigi-gino-1")
        for url in ("/my", "/my/services"):
            page = self.url_open(url).text
            self.assertIn("support_suspension_banner", page, url)
            self.assertIn("Some of your services are suspended", page)
            self.assertIn("Hosting Gino", page)
            self.assertIn(self.overdue.name, page)
            self.assertIn("122.00", page)
            self.assertIn(f"/my/invoices/{self.overdue.id}?access_token=", page)
            # another customer's invoice and services never show
            self.assertNotIn(self.other_overdue.name, page)
            self.assertNotIn("333.00", page)
            self.assertNotIn("Banner Bianchi", page)

    def test_pay_now_offers_a_payment_method(self):
        self.authenticate("luigi_gino", "luigi-gino-1")
        page = self.url_open(
            self.overdue.get_portal_url(
                anchor="portal_pay", query_string="&payment=True"
            )
        ).text
        self.assertIn("pay_with", page)
        self.assertNotIn("No payment method available", page)
        self.assertIn(self.provider.name, page)

    def test_another_customers_invoice_is_not_shown(self):
        self.authenticate("luigi_gino", "luigi-gino-1")
        response = self.url_open(f"/my/invoices/{self.other_overdue.id}")
        self.assertNotIn(self.other_overdue.name or "", response.text)
        self.assertNotIn("333.00", response.text)

    def test_no_banner_once_paid(self):
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=self.overdue.ids
        ).create({"payment_date": self.today})._create_payments()
        self.env.flush_all()
        self.authenticate("luigi_gino", "luigi-gino-1")
        page = self.url_open("/my").text
        self.assertNotIn("support_suspension_banner", page)

    def test_banner_leads_to_payment(self):
        self.start_tour(
            "/my", "support_terms_portal_suspension_pay", login="luigi_gino"
        )
