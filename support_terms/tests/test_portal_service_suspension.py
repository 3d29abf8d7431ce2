from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPortalSuspendedServices(HttpCase):
    """ "My services" shows a suspended service and why, only to its customer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create(
            {"name": "Pasticceria Dolce Srl", "is_company": True}
        )
        contact = cls.env["res.partner"].create(
            {
                "name": "Anna Dolce",
                "parent_id": cls.customer.id,
                "email": "anna@dolce.example",
                "lang": "en_US",
            }
        )
        cls.other = cls.env["res.partner"].create(
            {"name": "Ferramenta Neri Snc", "is_company": True}
        )
        product = cls.env["product.product"].create(
            {"name": "Hosting Dolce", "type": "service"}
        )
        other_product = cls.env["product.product"].create(
            {"name": "Hosting Neri", "type": "service"}
        )
        cls.line = cls._service(cls.customer, product)
        cls.other_line = cls._service(cls.other, other_product)
        Suspension = cls.env["support.service.suspension"]
        Suspension.create(
            {"partner_id": cls.customer.id, "reason": "spam", "line_ids": cls.line.ids}
        )
        Suspension.create(
            {
                "partner_id": cls.other.id,
                "reason": "authority",
                "line_ids": cls.other_line.ids,
            }
        )
        new_test_user(
            cls.env,
            login="anna_dolce",
            password="anna-portal-1",
            groups="base.group_portal",
            partner_id=contact.id,
        )

    @classmethod
    def _service(cls, partner, product):
        contract = cls.env["contract.contract"].create(
            {
                "name": f"{partner.name} hosting",
                "partner_id": partner.id,
                "line_recurrence": True,
                "contract_line_ids": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "name": product.name,
                            "quantity": 1,
                            "price_unit": 90.0,
                            "recurring_rule_type": "yearly",
                            "recurring_interval": 1,
                            "date_start": "2026-01-01",
                        }
                    )
                ],
            }
        )
        return contract.contract_line_ids

    def test_my_services_shows_the_suspension_and_its_reason(self):
        self.authenticate("anna_dolce", "anna-portal-1")
        response = self.url_open("/my/services")
        self.assertEqual(response.status_code, 200)
        page = response.text
        self.assertIn("Hosting Dolce", page)
        self.assertIn("support_service_suspended", page)
        self.assertIn("Spam", page)
        self.assertNotIn("Hosting Neri", page)
        self.assertNotIn("Authority order", page)
        # reactivated: the badge goes
        self.line.support_suspension_ids.action_lift()
        page = self.url_open("/my/services").text
        self.assertIn("Hosting Dolce", page)
        self.assertNotIn("support_service_suspended", page)
