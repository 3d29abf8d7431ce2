from datetime import date

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestMyServicesInForce(HttpCase):
    def test_my_services_lists_no_terminated_service(self):
        customer = self.env["res.partner"].create(
            {"name": "Dolce Forno Srl", "is_company": True, "email": "df@df.example"}
        )
        contact = self.env["res.partner"].create(
            {"name": "Anna Forno", "parent_id": customer.id, "email": "a@df.example"}
        )
        self.env["res.users"].create(
            {
                "name": "Anna Forno",
                "login": "anna_forno",
                "password": "anna-forno-1",
                "partner_id": contact.id,
                "groups_id": [(6, 0, [self.env.ref("base.group_portal").id])],
            }
        )
        product = self.env["product.product"].create(
            {"name": "Hosting", "type": "service", "list_price": 100.0}
        )
        lines = self.env["contract.line"]
        for name in ("Hosting sito vetrina", "Casella PEC chiusa"):
            contract = self.env["contract.contract"].create(
                {
                    "name": name,
                    "partner_id": customer.id,
                    "line_recurrence": True,
                    "contract_line_ids": [
                        (
                            0,
                            0,
                            {
                                "product_id": product.id,
                                "name": name,
                                "quantity": 1,
                                "price_unit": 100.0,
                                "recurring_rule_type": "yearly",
                                "recurring_interval": 1,
                                "date_start": date(2026, 1, 1),
                                "date_end": date(2030, 12, 31),
                            },
                        )
                    ],
                }
            )
            lines |= contract.contract_line_ids
        lines[1].write({"service_state": "terminated"})
        self.authenticate("anna_forno", "anna-forno-1")
        page = self.url_open("/my/services").text
        self.assertIn("Hosting sito vetrina", page)
        self.assertNotIn("Casella PEC chiusa", page)

    def test_home_cards_show_icons_at_card_size(self):
        """The customer's home: each card of the support terms has an icon
        drawn for a card (a scalable image), not the app's 647 px logo."""
        contact = self.env["res.partner"].create(
            {"name": "Bruno Forno", "email": "b@df.example"}
        )
        self.env["res.users"].create(
            {
                "name": "Bruno Forno",
                "login": "bruno_forno",
                "password": "bruno-forno-1",
                "partner_id": contact.id,
                "groups_id": [(6, 0, [self.env.ref("base.group_portal").id])],
            }
        )
        self.authenticate("bruno_forno", "bruno-forno-1")
        page = self.url_open("/my").text
        self.assertIn("/support_terms/static/src/img/services.svg", page)
        self.assertNotIn("static/description/icon.png", page)
