import re
from datetime import datetime

from freezegun import freeze_time

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPortalUrgentTicket(HttpCase):
    """A customer asks for urgent handling in the portal and sees the deadline."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.company
        company.helpdesk_mgmt_portal_select_team = True
        always = cls.env["resource.calendar"].create(
            {
                "name": "H24",
                "tz": "Europe/Rome",
                "attendance_ids": [(5, 0, 0)]
                + [
                    (
                        0,
                        0,
                        {
                            "name": f"{day}",
                            "dayofweek": str(day),
                            "hour_from": 0.0,
                            "hour_to": 24.0,
                            "day_period": "morning",
                        },
                    )
                    for day in range(7)
                ],
            }
        )
        product = cls.env["product.product"].create(
            {"name": "PREMIUM", "type": "service"}
        )
        plan = cls.env["support.plan"].create(
            {
                "name": "PREMIUM",
                "code": "PREMIUM",
                "product_ids": [(6, 0, product.ids)],
                "resource_calendar_id": always.id,
                "urgent_calendar_id": always.id,
                "urgency_terms": "Urgencies are handled every day, Sundays included.",
            }
        )
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {"name": "Assistenza portale", "use_sla": True, "show_in_portal": True}
        )
        cls.env["helpdesk.ticket.team"].search(
            [("id", "!=", cls.team.id)]
        ).show_in_portal = False
        cls.env["helpdesk.sla"].create(
            {
                "name": "Urgenze H24",
                "team_ids": [(6, 0, cls.team.ids)],
                "support_plan_ids": [(6, 0, plan.ids)],
                "urgency": "urgent",
                "hours": 2,
                "stage_id": cls.env.ref(
                    "helpdesk_mgmt.helpdesk_ticket_stage_in_progress"
                ).id,
                "resource_calendar_id": always.id,
            }
        )
        customer = cls.env["res.partner"].create(
            {"name": "Boutique Marina Srl", "is_company": True}
        )
        contact = cls.env["res.partner"].create(
            {
                "name": "Chiara Esposito",
                "parent_id": customer.id,
                "email": "chiara@boutiquemarina.example",
                "tz": "Europe/Rome",
            }
        )
        cls.env["contract.contract"].create(
            {
                "name": "Piano PREMIUM",
                "partner_id": customer.id,
                "line_recurrence": True,
                "contract_line_ids": [
                    (
                        0,
                        0,
                        {
                            "product_id": product.id,
                            "name": "PREMIUM",
                            "quantity": 1,
                            "price_unit": 590,
                            "recurring_rule_type": "yearly",
                            "recurring_interval": 1,
                            "date_start": "2026-01-01",
                        },
                    )
                ],
            }
        )
        cls.portal = new_test_user(
            cls.env,
            login="chiara",
            password="chiara-portal-1",
            groups="base.group_portal",
            partner_id=contact.id,
        )

    def test_urgent_ticket_from_the_portal(self):
        self.start_tour(
            "/new/ticket", "support_terms_portal_urgent_ticket", login="chiara"
        )
        ticket = self.env["helpdesk.ticket"].search([("name", "=", "Sito bloccato")])
        self.assertEqual(len(ticket), 1)
        self.assertTrue(ticket.is_urgent)
        self.assertEqual(ticket.urgency_source, "portal")
        self.assertEqual(ticket.priority, "3")
        self.assertEqual(ticket.support_plan_id.code, "PREMIUM")
        self.assertTrue(ticket.sla_deadline)

    def test_keyword_in_the_portal_subject(self):
        """URGENTE in the subject of the portal form, box left unticked."""
        self.authenticate("chiara", "chiara-portal-1")
        form = self.url_open("/new/ticket").text
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
        for subject, urgent in (("URGENTE: posta ferma", True), ("Non urgente", False)):
            response = self.url_open(
                "/submitted/ticket",
                data={
                    "csrf_token": csrf,
                    "subject": subject,
                    "description": "La posta non arriva.",
                    "team": self.team.id,
                },
            )
            self.assertEqual(response.status_code, 200)
            ticket = self.env["helpdesk.ticket"].search([("name", "=", subject)])
            self.assertEqual(ticket.is_urgent, urgent, subject)
            self.assertEqual(ticket.urgency_source, "portal" if urgent else False)
            self.assertEqual(ticket.partner_id, self.portal.partner_id)

    def test_deadline_in_the_customer_time_zone(self):
        with freeze_time(datetime(2026, 7, 5, 10, 0)):  # a Sunday, 12:00 in Rome
            ticket = (
                self.env["helpdesk.ticket"]
                .with_user(self.portal)
                .sudo()
                .create(
                    {
                        "name": "Posta bloccata",
                        "description": "<p>!</p>",
                        "partner_id": self.portal.partner_id.id,
                        "team_id": self.team.id,
                        "is_urgent": True,
                        "urgency_source": "portal",
                    }
                )
            )
            self.env.cr.execute(
                "UPDATE helpdesk_ticket SET create_date = %s WHERE id = %s",
                (datetime(2026, 7, 5, 10, 0), ticket.id),
            )
            ticket.invalidate_recordset(["create_date"])
            ticket.set_sla()
        self.assertEqual(ticket.sla_deadline, datetime(2026, 7, 5, 12, 0))
        self.authenticate("chiara", "chiara-portal-1")
        page = self.url_open(f"/my/ticket/{ticket.id}").text
        # 12:00 UTC is 14:00 in Rome in summer (English short format)
        self.assertIn("7/5/26, 2:00 PM", page)
        self.assertIn("Europe/Rome", page)

    def test_portal_subject_with_a_negation_is_not_urgent(self):
        """The portal form's subject, box left unticked: the customer wrote
        that the request is not urgent."""
        self.authenticate("chiara", "chiara-portal-1")
        form = self.url_open("/new/ticket").text
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
        for subject, urgent in (
            ("Non è urgente: cambio logo", False),
            ("Niente di urgente", False),
            ("Nulla di urgente", False),
            ("Not so urgent", False),
            ("No urgent action needed", False),
            ("URGENTE: non riesco ad accedere", True),
        ):
            with self.subTest(subject=subject):
                response = self.url_open(
                    "/submitted/ticket",
                    data={
                        "csrf_token": csrf,
                        "subject": subject,
                        "description": "Il logo nuovo è in allegato.",
                        "team": self.team.id,
                    },
                )
                self.assertEqual(response.status_code, 200)
                ticket = self.env["helpdesk.ticket"].search([("name", "=", subject)])
                self.assertEqual(len(ticket), 1)
                self.assertEqual(ticket.is_urgent, urgent)
                self.assertEqual(ticket.priority == "3", urgent)
