import re

from odoo.tests import tagged
from odoo.tools import format_date

from .common_portal_customer import PortalCustomerCase

CSRF = re.compile(r'csrf_token(?:" value=|: )"([^"]+)"')


@tagged("post_install", "-at_install")
class TestPortalCancellationPage(PortalCustomerCase):
    """The cancellation page says where and how to send the notice, gives
    it filled in as a PDF, and says why when the user may not cancel.

    Issue scenario: "the cancellation page with the provider's PEC and
    postal address and a pre-filled notice to download (PDF report), a clear
    reason when the user may not cancel, and the typed message kept on
    refusal"; "a 403 on cancellation without a word; a service not started
    yet is offered cancellation, then refused with ISO dates and the typed
    message lost" is the defect.
    """

    def _date(self, value):
        return format_date(self.env, value, lang_code="en_US")

    def test_page_gives_pec_postal_address_and_the_notice(self):
        self.authenticate("luigi_gino", "luigi-gino-1")
        response = self.url_open(f"/my/services/{self.hosting_line.id}/cancel")
        self.assertEqual(response.status_code, 200)
        page = response.text
        self.assertIn("disdette@pec.provider.example", page)
        self.assertIn("Via dei Servizi 12", page)
        self.assertIn("50123", page)
        self.assertIn(f"/my/services/{self.hosting_line.id}/cancellation-notice", page)
        self.assertIn(self._date(self.hosting_line.date_end), page)
        self.assertIn("support_cancel_form", page)

    def test_the_notice_pdf_is_filled_in(self):
        self.authenticate("luigi_gino", "luigi-gino-1")
        response = self.url_open(
            f"/my/services/{self.hosting_line.id}/cancellation-notice"
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        self.assertIn("attachment", response.headers["Content-Disposition"])
        self.assertIn(".pdf", response.headers["Content-Disposition"])
        # the test server renders the report's HTML instead of the PDF
        letter = response.text
        self.assertIn("Trattoria Da Gino Srl", letter)
        self.assertIn("Hosting Gino", letter)
        self.assertIn("disdette@pec.provider.example", letter)
        self.assertIn("Via dei Servizi 12", letter)
        self.assertIn(self._date(self.hosting_line.date_end), letter)
        self.assertIn("do not wish to renew", letter)

    def test_the_notice_in_the_customers_language(self):
        self.env["res.lang"]._activate_lang("it_IT")
        self.env["ir.module.module"]._load_module_terms(
            ["support_terms_renewal"], ["it_IT"]
        )
        self.customer.lang = "it_IT"
        self.authenticate("luigi_gino", "luigi-gino-1")
        letter = self.url_open(
            f"/my/services/{self.hosting_line.id}/cancellation-notice"
        ).text
        self.assertIn(
            format_date(self.env, self.hosting_line.date_end, lang_code="it_IT"), letter
        )
        self.assertIn("non intendiamo rinnovare", letter)

    def test_a_service_not_started_says_from_when(self):
        self.authenticate("luigi_gino", "luigi-gino-1")
        services = self.url_open("/my/services").text
        self.assertNotIn(f"/my/services/{self.future_line.id}/cancel", services)
        response = self.url_open(f"/my/services/{self.future_line.id}/cancel")
        self.assertEqual(response.status_code, 200)
        self.assertIn("support_cancel_error", response.text)
        self.assertIn(
            f"This service starts on {self._date(self.future_line.date_start)}",
            response.text,
        )
        self.assertNotIn(self.future_line.date_start.isoformat(), response.text)
        self.assertNotIn("support_cancel_form", response.text)

    def test_a_contact_not_allowed_reads_why_and_where_to_send(self):
        self.authenticate("marta_gino", "marta-gino-1")
        response = self.url_open(f"/my/services/{self.hosting_line.id}/cancel")
        self.assertEqual(response.status_code, 403)
        self.assertIn("Only Trattoria Da Gino Srl itself", response.text)
        self.assertIn("disdette@pec.provider.example", response.text)
        self.assertNotIn("support_cancel_form", response.text)

    def test_the_message_is_kept_when_refused(self):
        self.authenticate("luigi_gino", "luigi-gino-1")
        form = self.url_open(f"/my/services/{self.hosting_line.id}/cancel").text
        token = CSRF.search(form).group(1)
        first = self.url_open(
            f"/my/services/{self.hosting_line.id}/cancel",
            data={"note": "Chiudiamo a fine anno.", "csrf_token": token},
            allow_redirects=False,
        )
        self.assertEqual(first.status_code, 303)
        # a second notice for the same period is refused, the text stays
        second = self.url_open(
            f"/my/services/{self.hosting_line.id}/cancel",
            data={"note": "Ripeto: chiudiamo tutto.", "csrf_token": token},
            allow_redirects=False,
        )
        self.assertEqual(second.status_code, 400)
        self.assertIn("support_cancel_error", second.text)
        self.assertIn("Ripeto: chiudiamo tutto.", second.text)

    def test_the_request_sent_is_recorded_on_my_services(self):
        """Sent, the request is on "My services", recorded and saying what
        makes it valid."""
        self.authenticate("luigi_gino", "luigi-gino-1")
        form = self.url_open(f"/my/services/{self.hosting_line.id}/cancel").text
        sent = self.url_open(
            f"/my/services/{self.hosting_line.id}/cancel",
            data={"note": "Chiudiamo a fine anno.", "csrf_token": CSRF.search(form)[1]},
            allow_redirects=False,
        )
        self.assertEqual(sent.status_code, 303)
        page = self.url_open(sent.headers["Location"])
        self.assertEqual(page.status_code, 200)
        self.assertIn("support_new_notice", page.text)
        self.assertIn("is recorded", page.text)

    def test_no_notice_for_a_service_that_does_not_renew(self):
        self.mail_line.is_auto_renew = False
        self.authenticate("luigi_gino", "luigi-gino-1")
        page = self.url_open(f"/my/services/{self.mail_line.id}/cancel").text
        self.assertIn("does not renew tacitly", page)
        self.assertNotIn("cancellation-notice", page)
        response = self.url_open(
            f"/my/services/{self.mail_line.id}/cancellation-notice"
        )
        self.assertEqual(response.status_code, 404)

    def test_never_another_customers_service(self):
        self.authenticate("luigi_gino", "luigi-gino-1")
        for url in (
            f"/my/services/{self.other_line.id}/cancel",
            f"/my/services/{self.other_line.id}/cancellation-notice",
        ):
            response = self.url_open(url)
            self.assertEqual(response.status_code, 404, url)
            self.assertNotIn("Banner Bianchi", response.text)
            self.assertNotIn("Hotel Bianchi", response.text)

    def test_cancellation_tour(self):
        self.start_tour(
            "/my/services", "support_terms_portal_cancellation", login="luigi_gino"
        )
