from datetime import date

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from .common_late_payment import LatePaymentCase

TODAY = date(2026, 3, 10)


@tagged("post_install", "-at_install")
class TestServiceInForce(LatePaymentCase):
    """One meaning of "service in force": started, not ended, not canceled, not
    terminated, on an active contract. The plan in force, the invoicing, the
    overdue suspension and the customer's services all follow it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.premium_contract, cls.premium_line = cls._create_contract(
            cls.customer, cls.product_premium, "2026-01-01"
        )

    def test_one_definition_for_the_plan(self):
        """Each kind of line not in force grants no plan; the suspended one
        stays in force and grants its plan. Its invoicing and its overdue
        suspension: support_terms_suspension's tests."""
        Line = self.env["contract.line"]
        cases = {
            "future": {"date_start": date(2026, 6, 1)},
            "ended": {"date_end": date(2026, 2, 28)},
            "canceled": {"is_canceled": True},
            "terminated": {"service_state": "terminated"},
        }
        partners = {}
        for name, values in cases.items():
            partner = self.env["res.partner"].create(
                {"name": f"Cliente {name}", "is_company": True, "email": "c@c.example"}
            )
            _contract, line = self._create_contract(
                partner, self.product_premium, "2026-01-01"
            )
            line.write(values)
            partners[name] = (partner, line)
        archived_partner = self.env["res.partner"].create(
            {"name": "Cliente archiviato", "is_company": True}
        )
        archived_contract, archived_line = self._create_contract(
            archived_partner, self.product_premium, "2026-01-01"
        )
        archived_contract.active = False
        partners["archived contract"] = (archived_partner, archived_line)
        self.premium_line.service_state = "suspended"
        with freeze_time(TODAY):
            in_force = Line.search(Line._support_in_force_domain(TODAY))
            self.assertIn(self.premium_line, in_force)
            self.assertEqual(self.customer.support_plan_id, self.plan_premium)
            for name, (partner, line) in partners.items():
                with self.subTest(line=name):
                    self.assertNotIn(line, in_force)
                    self.assertFalse(partner.support_plan_id)
                    self.assertFalse(line._support_in_force(TODAY))


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
                                "date_end": date(2026, 12, 31),
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
