from odoo.tests import tagged
from odoo.tools import format_date

from .common_portal_customer import PortalCustomerCase

ADDONS = ["support_terms", "support_terms_renewal"]


@tagged("post_install", "-at_install")
class TestPortalMoneyInItalian(PortalCustomerCase):
    """An Italian customer reads the home, My services and the cancellation
    page in Italian, with Italian dates, addressed with "voi".

    Issue scenario: "no English string in the Italian demo's screens";
    "Texts mix 'tu' and 'voi'".
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("it_IT")
        cls.env["ir.module.module"]._load_module_terms(ADDONS, ["it_IT"])
        cls.luigi.lang = "it_IT"
        cls.overdue = cls._posted_invoice(cls.customer, 122.0, 10, cls.hosting)
        cls._suspend_overdue_customers()

    def _page(self, url):
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200, url)
        return response.text

    def test_home_and_my_services_in_italian(self):
        self.authenticate("luigi_gino", "luigi-gino-1")
        home = self._page("/my")
        self.assertIn("Alcuni vostri servizi sono sospesi", home)
        self.assertIn("Paga ora", home)
        self.assertIn("richieste aperte", home)
        self.assertIn("in scadenza", home)
        services = self._page("/my/services")
        for italian in (
            "Prezzo (IVA esclusa)",
            "Prossima fattura",
            "Annuale",
            "Mensile",
        ):
            self.assertIn(italian, services)
        for english in (
            "Some of your services are suspended",
            "Price (excl. VAT)",
            "Next invoice",
            "Yearly",
            "Monthly",
            "Open a request",
            "open requests",
            "expiring soon",
        ):
            self.assertNotIn(english, home + services)

    def test_cancellation_page_in_italian(self):
        self.authenticate("luigi_gino", "luigi-gino-1")
        page = self._page(f"/my/services/{self.hosting_line.id}/cancel")
        self.assertIn("Dove inviare la disdetta", page)
        self.assertIn("Scaricate la disdetta (PDF)", page)
        self.assertIn(
            format_date(self.env, self.hosting_line.date_end, lang_code="it_IT"), page
        )
        self.assertNotIn("Where to send your notice", page)
        refused = self._page(f"/my/services/{self.future_line.id}/cancel")
        self.assertIn(
            "Questo servizio inizia il "
            + format_date(self.env, self.future_line.date_start, lang_code="it_IT"),
            refused,
        )
