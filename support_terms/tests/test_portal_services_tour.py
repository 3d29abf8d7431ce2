from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPortalMyServices(HttpCase):
    """A customer reads its services and asks to cancel one in the portal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.company
        company.write(
            {"support_notice_registered_mail": True, "support_notice_pec": True}
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Boutique Marina Srl", "is_company": True}
        )
        contact = cls.env["res.partner"].create(
            {
                "name": "Chiara Esposito",
                "parent_id": cls.customer.id,
                "email": "chiara@boutiquemarina.example",
                "lang": "en_US",
                # staff let this contact request cancellations
                "support_may_cancel_services": True,
            }
        )
        other = cls.env["res.partner"].create(
            {"name": "Bianchi Hotel Snc", "is_company": True}
        )
        hosting = cls._product("Hosting annuale", "hosting", "anniversary")
        banner = cls._product("Banner Bianchi", "banner", "calendar_year")
        cls.hosting_line = cls._service(
            cls.customer, hosting, "2026-03-15", "2031-03-14"
        )
        cls.other_line = cls._service(other, banner, "2026-06-10", "2030-12-31")
        cls.portal = new_test_user(
            cls.env,
            login="chiara",
            password="chiara-portal-1",
            groups="base.group_portal",
            partner_id=contact.id,
        )

    @classmethod
    def _product(cls, name, kind, policy):
        return cls.env["product.product"].create(
            {
                "name": name,
                "type": "service",
                "service_kind": kind,
                "renewal_policy": policy,
                "notice_days": 60,
            }
        )

    @classmethod
    def _service(cls, partner, product, start, end):
        contract = cls.env["contract.contract"].create(
            {
                "name": f"{partner.name} {product.name}",
                "partner_id": partner.id,
                "line_recurrence": True,
                "contract_line_ids": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "name": product.name,
                            "quantity": 1,
                            "price_unit": 120,
                            "recurring_rule_type": "yearly",
                            "recurring_interval": 1,
                            "date_start": start,
                            "date_end": end,
                            "is_auto_renew": True,
                            "auto_renew_rule_type": "yearly",
                            "auto_renew_interval": 1,
                        }
                    )
                ],
            }
        )
        return contract.contract_line_ids

    def test_request_cancellation_from_my_services(self):
        self.start_tour("/my", "support_terms_portal_my_services", login="chiara")
        notice = self.env["support.cancellation.notice"].search(
            [("partner_id", "=", self.customer.id)]
        )
        self.assertEqual(len(notice), 1)
        self.assertEqual(notice.channel, "portal")
        self.assertEqual(notice.state, "draft", "staff decide")
        self.assertEqual(notice.contract_line_ids, self.hosting_line)
        self.assertEqual(notice.note, "Chiudiamo il sito a fine anno.")
        self.assertFalse(notice.channel_accepted)
        self.assertTrue(
            self.hosting_line.is_auto_renew, "a request changes nothing yet"
        )

    def test_never_another_customers_services(self):
        self.authenticate("chiara", "chiara-portal-1")
        page = self.url_open("/my/services").text
        self.assertIn("Hosting annuale", page)
        self.assertNotIn("Banner Bianchi", page)
        # nor can it ask to cancel them
        response = self.url_open(f"/my/services/{self.other_line.id}/cancel")
        self.assertNotIn("Banner Bianchi", response.text)
        self.assertFalse(
            self.env["support.cancellation.notice"].search(
                [("contract_line_ids", "in", self.other_line.ids)]
            )
        )
