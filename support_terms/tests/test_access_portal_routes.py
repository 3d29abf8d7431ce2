import re

from odoo import Command
from odoo.tests import tagged

from .common_access import AccessCase

# the token of a form's hidden input, or of the page's script
CSRF = re.compile(r'csrf_token(?:" value=|: )"([^"]+)"')


@tagged("post_install", "-at_install")
class TestPortalTicketClose(AccessCase):
    """The portal's close buttons: a POST with the session's CSRF token, on a
    ticket the user may read, into a stage offered in the portal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.done = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        cls.rejected = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_rejected")

    def _csrf_from_ticket_page(self, ticket):
        page = self.url_open(f"/my/ticket/{ticket.id}")
        self.assertEqual(page.status_code, 200)
        form = re.search(r'<form[^>]*action="/ticket/close"[^>]*>', page.text)
        self.assertTrue(form, "the ticket page offers its close buttons")
        self.assertIn('method="POST"', form.group(0))
        return CSRF.search(page.text[form.start() :]).group(1)

    def _close(self, ticket, stage, token):
        """The close button's POST."""
        return self.url_open(
            "/ticket/close",
            data={"ticket_id": ticket.id, "stage_id": stage.id, "csrf_token": token},
            allow_redirects=False,
        )

    def _stages(self):
        self.env.invalidate_all()
        return (self.ticket | self.other_ticket).mapped("stage_id")

    def test_close_another_customers_ticket_refused(self):
        """OCA's GET /ticket/close closed any ticket of any customer."""
        self.login(self.giulia)
        before = self._stages()
        token = self._csrf_from_ticket_page(self.other_ticket)
        query = f"ticket_id={self.ticket.id}&stage_id={self.done.id}"
        response = self.url_open(f"/ticket/close?{query}", allow_redirects=False)
        self.assertIn(response.status_code, (403, 404, 405))
        response = self._close(self.ticket, self.done, token)
        self.assertIn(response.status_code, (403, 404))
        self.assertEqual(self._stages(), before, "nothing closed")

    def test_close_own_ticket_needs_post_and_csrf(self):
        self.login(self.mario)
        before = self._stages()
        query = f"ticket_id={self.ticket.id}&stage_id={self.done.id}"
        response = self.url_open(f"/ticket/close?{query}", allow_redirects=False)
        self.assertEqual(response.status_code, 405, "a link or an image cannot close")
        response = self.url_open(
            "/ticket/close",
            data={"ticket_id": self.ticket.id, "stage_id": self.done.id},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 400, "no CSRF token")
        token = self._csrf_from_ticket_page(self.ticket)
        response = self._close(self.ticket, self.rejected, token)
        # a stage not offered in the portal: back to the ticket, unchanged
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self._stages(), before)
        response = self._close(self.ticket, self.done, token)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.ticket.stage_id, self.done)
        self.assertNotEqual(self.other_ticket.stage_id, self.done)

    def test_a_follower_of_another_company_cannot_close_it(self):
        """Giulia follows Mario's request (copied on an email): she reads
        it, closing it is Mario's company's."""
        self.ticket.message_subscribe(partner_ids=self.giulia.partner_id.ids)
        self.login(self.giulia)
        token = self._csrf_from_ticket_page(self.ticket)
        before = self._stages()
        response = self._close(self.ticket, self.done, token)
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self._stages(), before)

    def test_a_follower_of_another_company_writes_and_acts_on_nothing(self):
        """ "il ticket di assistenza viene chiuso automaticamente entro 7
        giorni, se non riceviamo risposta dal cliente": Giulia, copied on
        Mario's request, writes in its chatter from the portal. Her message
        is kept; it is not the customer's reply, so the request Mario's
        company closed stays closed."""
        self.ticket.stage_id = self.done
        self.ticket.message_subscribe(partner_ids=self.giulia.partner_id.ids)
        self.login(self.giulia)
        before = self._stages()
        self.make_jsonrpc_request(
            "/mail/message/post",
            {
                "thread_model": "helpdesk.ticket",
                "thread_id": self.ticket.id,
                "post_data": {
                    "body": "Anche il nostro sito è lento.",
                    "message_type": "comment",
                    "subtype_xmlid": "mail.mt_comment",
                },
            },
        )
        self.assertIn(
            "Anche il nostro sito è lento.",
            self.ticket.message_ids.filtered(
                lambda m: m.author_id == self.giulia.partner_id
            ).body,
        )
        self.assertEqual(self._stages(), before, "nothing reopened")


@tagged("post_install", "-at_install")
class TestPortalCancellationRequest(AccessCase):
    """Who may ask to cancel a service from the portal: the customer's own
    user, or a contact staff allowed to; only for services sold to it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.support_notice_portal = True
        cls.main = cls._user("rossi_main", "base.group_portal", cls.customer)
        cls.showcase_line = cls._service(cls.showcase, cls._days(-10))
        cls.second_showcase_line = cls._service(cls.showcase, cls._days(-10))
        purchase = cls.env["contract.contract"].create(
            {
                "name": "Rossi: rivendita dominio",
                "partner_id": cls.customer.id,
                "contract_type": "purchase",
                "line_recurrence": True,
                "contract_line_ids": [
                    Command.create(
                        {
                            "product_id": cls.hosting.id,
                            "name": "Dominio in rivendita",
                            "quantity": 1,
                            "price_unit": 10,
                            "recurring_rule_type": "yearly",
                            "recurring_interval": 1,
                            "date_start": cls._days(-10),
                            "date_end": cls.showcase_line.date_end,
                            "is_auto_renew": True,
                            "auto_renew_rule_type": "yearly",
                            "auto_renew_interval": 1,
                        }
                    )
                ],
            }
        )
        cls.purchase_line = purchase.contract_line_ids

    def _notices(self):
        return self.env["support.cancellation.notice"].search_count([])

    def _ask(self, line):
        """GET the form, then POST it with its CSRF token; both answers."""
        form = self.url_open(f"/my/services/{line.id}/cancel", allow_redirects=False)
        token = CSRF.search(self.url_open("/my/services").text)
        token = token.group(1) if token else ""
        if form.status_code == 200:
            token = CSRF.search(form.text).group(1)
        sent = self.url_open(
            f"/my/services/{line.id}/cancel",
            data={"note": "Chiudete tutto.", "csrf_token": token},
            allow_redirects=False,
        )
        return form.status_code, sent.status_code

    def test_contact_not_allowed_cannot_cancel(self):
        self.login(self.mario)
        before = self._notices()
        self.assertEqual(self._ask(self.showcase_line), (403, 403))
        self.assertEqual(self._notices(), before)
        page = self.url_open("/my/services").text
        self.assertNotIn("support_request_cancellation", page)

    def test_nobody_cancels_another_customers_service(self):
        self.login(self.giulia)
        self.giulia.partner_id.support_may_cancel_services = True
        before = self._notices()
        form, sent = self._ask(self.showcase_line)
        self.assertIn(form, (403, 404))
        self.assertIn(sent, (403, 404))
        self.assertEqual(self._notices(), before)

    def test_main_contact_and_contact_flagged_by_staff_cancel(self):
        self.login(self.main)
        before = self._notices()
        self.assertEqual(self._ask(self.showcase_line), (200, 303))
        self.assertEqual(self._notices(), before + 1)
        self.contact.support_may_cancel_services = True
        self.login(self.mario)
        page = self.url_open("/my/services").text
        self.assertIn("support_request_cancellation", page)
        self.assertEqual(self._ask(self.second_showcase_line), (200, 303))
        self.assertEqual(self._notices(), before + 2)

    def test_purchase_contract_never_cancelled_from_the_portal(self):
        self.login(self.main)
        before = self._notices()
        # what the provider buys is no service of the customer's: not found
        self.assertEqual(self._ask(self.purchase_line), (404, 404))
        self.assertEqual(self._notices(), before)

    def test_a_service_that_does_not_renew_has_no_cancellation_request(self):
        """The page offers the request only for a service that renews
        tacitly; the route refuses the others the same way."""
        self.second_showcase_line.is_auto_renew = False
        self.login(self.main)
        before = self._notices()
        page = self.url_open("/my/services").text
        self.assertNotIn(f"/my/services/{self.second_showcase_line.id}/cancel", page)
        form = self.url_open(f"/my/services/{self.second_showcase_line.id}/cancel")
        self.assertIn("does not renew tacitly", form.text)
        self._ask(self.second_showcase_line)
        self.assertEqual(self._notices(), before)


@tagged("post_install", "-at_install")
class TestPortalInvoiceOfAnotherCustomer(AccessCase):
    """A posted invoice reads as the invoice it is in the portal: its PDF is
    the customer's own document. Another customer asking for it by id gets
    back to its home, without the invoice."""

    def test_another_customers_invoice_pdf_is_not_sent(self):
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.customer.id,
                "invoice_line_ids": [
                    Command.create({"product_id": self.fee.id, "price_unit": 20.0})
                ],
            }
        )
        invoice.action_post()
        url = f"/my/invoices/{invoice.id}?report_type=pdf&download=1"
        self.login(self.giulia)
        response = self.url_open(url, allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertNotIn("/my/invoices", response.headers["Location"])
        self.assertNotIn("attachment", response.headers.get("Content-Disposition", ""))
        self.assertNotIn(invoice.name, response.text)
        # the customer's own (the test server renders the report's HTML)
        self.login(self.mario)
        response = self.url_open(url, allow_redirects=False)
        self.assertEqual(response.status_code, 200)
        self.assertIn("attachment", response.headers["Content-Disposition"])
        self.assertIn(invoice.name, response.text)
