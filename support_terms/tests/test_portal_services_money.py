import re
from datetime import timedelta

from odoo import Command
from odoo.tests import tagged
from odoo.tools import format_date

from .common_portal_customer import PortalCustomerCase

CSRF = re.compile(r'csrf_token(?:" value=|: )"([^"]+)"')


@tagged("post_install", "-at_install")
class TestPortalServicesMoney(PortalCustomerCase):
    """ "My services" gives what a client area gives: the price, the billing
    cycle and the next invoice of each service, and what the customer can do
    (renew, buy credits, open a request).

    Issue scenario: "services with price, billing cycle, next invoice and
    actions (renew, buy credits, open a request) where they apply";
    "invoices show PROFORMA" is the defect.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan_product = cls.env["product.product"].create(
            {
                "name": "Assistenza Gino",
                "type": "service",
                "list_price": 500.0,
                "service_kind": "support_plan",
                "renewal_by_choice": True,
            }
        )
        cls.plan_line = cls._service(
            cls.customer,
            cls.plan_product,
            cls.today - timedelta(days=340),
            cls.today + timedelta(days=25),
        )
        # a month before its end the renewal is offered, as the daily
        # action offers it
        cls.offer = cls.env["support.renewal.offer"]._offer(cls.plan_line)
        cls.pack = cls.env["product.product"].create(
            {
                "name": "Pacchetto 10 crediti",
                "type": "service",
                "list_price": 150.0,
                "support_credit_pack": True,
                "support_credits": 10,
                "support_credit_validity_days": 365,
            }
        )
        cls.not_a_pack = cls.env["product.product"].create(
            {"name": "Consulenza", "type": "service", "list_price": 80.0}
        )

    def _token(self):
        return CSRF.search(self.url_open("/my/services").text).group(1)

    def _row(self, page, line):
        start = page.index(f'data-line-id="{line.id}"')
        return page[start : page.index("</tr>", start)]

    def test_price_billing_cycle_and_next_invoice(self):
        self.authenticate("luigi_gino", "luigi-gino-1")
        page = self.url_open("/my/services").text
        hosting = self._row(page, self.hosting_line)
        self.assertIn("240.00", hosting)
        self.assertIn("Yearly", hosting)
        self.assertIn(
            format_date(
                self.env, self.hosting_line.recurring_next_date, lang_code="en_US"
            ),
            hosting,
        )
        mailboxes = self._row(page, self.mail_line)
        self.assertIn("10.00", mailboxes)
        self.assertIn("Monthly", mailboxes)
        self.assertIn(
            format_date(
                self.env, self.mail_line.recurring_next_date, lang_code="en_US"
            ),
            mailboxes,
        )
        self.assertNotIn("Banner Bianchi", page)

    def test_actions_where_they_apply(self):
        self.authenticate("luigi_gino", "luigi-gino-1")
        page = self.url_open("/my/services").text
        plan = self._row(page, self.plan_line)
        self.assertIn("support_renew", plan)
        self.assertIn(f"/my/orders/{self.offer.sale_order_id.id}", plan)
        self.assertIn("/new/ticket", plan)
        # renewed tacitly: no quotation to sign, a cancellation instead
        hosting = self._row(page, self.hosting_line)
        self.assertNotIn("support_renew", hosting)
        self.assertIn("support_request_cancellation", hosting)
        # not started yet: neither a request nor a cancellation
        website = self._row(page, self.future_line)
        self.assertNotIn("/new/ticket", website)
        self.assertNotIn("support_request_cancellation", website)
        # the credit packs for sale
        self.assertIn("Pacchetto 10 crediti", page)
        self.assertNotIn("Consulenza", page)

    def test_the_renewal_quotation_opens_in_the_portal(self):
        self.authenticate("luigi_gino", "luigi-gino-1")
        response = self.url_open(self.offer.sale_order_id.get_portal_url())
        self.assertEqual(response.status_code, 200)
        self.assertIn("Assistenza Gino", response.text)

    def test_buy_credits_gives_a_quotation_to_sign_and_pay(self):
        self.authenticate("luigi_gino", "luigi-gino-1")
        orders = self.env["sale.order"]
        response = self.url_open(
            "/my/services/credits/buy",
            data={"product_id": self.pack.id, "csrf_token": self._token()},
        )
        order = orders.search([("order_line.product_id", "=", self.pack.id)])
        self.assertEqual(len(order), 1)
        self.assertEqual(order.partner_id, self.customer)
        self.assertEqual(order.amount_untaxed, 150.0)
        self.assertTrue(order.require_payment)
        self.assertIn(f"/my/orders/{order.id}", response.url)
        self.assertIn("Pacchetto 10 crediti", response.text)
        # asked again before signing: the same quotation
        self.url_open(
            "/my/services/credits/buy",
            data={"product_id": self.pack.id, "csrf_token": self._token()},
        )
        self.assertEqual(
            orders.search_count([("order_line.product_id", "=", self.pack.id)]), 1
        )

    def test_buy_credits_reads_the_posted_id_as_a_number(self):
        """The id posted is read as a number, as any id in a form: with
        spaces or a leading zero it is still the pack's."""
        self.authenticate("luigi_gino", "luigi-gino-1")
        response = self.url_open(
            "/my/services/credits/buy",
            data={"product_id": f" 0{self.pack.id}", "csrf_token": self._token()},
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            self.env["sale.order"].search_count(
                [("order_line.product_id", "=", self.pack.id)]
            ),
            1,
        )

    def test_buy_only_credit_packs(self):
        self.authenticate("luigi_gino", "luigi-gino-1")
        for product_id in (self.not_a_pack.id, "x", 0):
            response = self.url_open(
                "/my/services/credits/buy",
                data={"product_id": product_id, "csrf_token": self._token()},
            )
            self.assertEqual(response.status_code, 404)
        self.assertFalse(
            self.env["sale.order"].search(
                [("order_line.product_id", "=", self.not_a_pack.id)]
            )
        )

    def test_a_posted_invoice_is_not_proforma(self):
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.customer.id,
                "invoice_line_ids": [
                    Command.create({"product_id": self.hosting.id, "price_unit": 240.0})
                ],
            }
        )
        invoice.action_post()
        self.authenticate("luigi_gino", "luigi-gino-1")
        html = self.url_open(f"/my/invoices/{invoice.id}?report_type=html").text
        self.assertIn(invoice.name, html)
        self.assertNotIn("PROFORMA", html)
        # downloaded: the invoice too (the test server renders its HTML)
        download = self.url_open(
            f"/my/invoices/{invoice.id}?report_type=pdf&download=true"
        )
        self.assertEqual(download.status_code, 200)
        self.assertIn("attachment", download.headers["Content-Disposition"])
        self.assertIn(invoice.name, download.text)
        self.assertNotIn("PROFORMA", download.text)
        self.assertNotIn("proforma", download.headers["Content-Disposition"])
