from datetime import timedelta

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from .test_i18n import ADDONS


@tagged("post_install", "-at_install")
class TestBackendStaffTours(HttpCase):
    """Support staff, in Italian, read the facts of the terms at a glance.

    Issue scenario: "Staff dig for facts: the customer form has no services,
    suspension or credit balance; an expired service shows a green Attivo;
    ... targets shown as 16:00 for 16 working hours; Prendi in carico still
    offered after the take in charge; the urgent ticket shows only three
    stars."
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("it_IT")
        cls.env["ir.module.module"]._load_module_terms(list(ADDONS), ["it_IT"])
        company = cls.env.company
        today = company._support_today()
        always = cls.env["resource.calendar"].create(
            {
                "name": "H24",
                "tz": "Europe/Rome",
                "attendance_ids": [Command.clear()]
                + [
                    Command.create(
                        {
                            "name": f"{day}",
                            "dayofweek": str(day),
                            "hour_from": 0.0,
                            "hour_to": 24.0,
                            "day_period": "morning",
                        }
                    )
                    for day in range(7)
                ],
            }
        )
        hosting = cls.env["product.product"].create(
            {"name": "Hosting annuale", "type": "service", "list_price": 590.0}
        )
        hosting.product_tmpl_id.write(
            {
                "service_kind": "hosting",
                "renewal_policy": "anniversary",
                "notice_days": 60,
            }
        )
        old = cls.env["product.product"].create(
            {"name": "Vecchio hosting", "type": "service", "list_price": 90.0}
        )
        cls.plan = cls.env["support.plan"].create(
            {
                "name": "GOLD",
                "code": "GOLD",
                "product_ids": [Command.set(hosting.ids)],
                "resource_calendar_id": always.id,
                "urgent_calendar_id": always.id,
                "take_in_charge_hours": 16.0,
                "urgent_take_in_charge_hours": 2.0,
            }
        )
        logs = cls.env.ref(
            "support_terms_coverage.helpdesk_ticket_category_log_analysis"
        )
        cls.env["support.coverage.rule"].create(
            {
                "plan_id": cls.plan.id,
                "category_id": logs.id,
                "coverage": "extra",
                "billing_mode": "credits",
                "credits": 3,
            }
        )
        cls.trattoria = cls.env["res.partner"].create(
            {"name": "Trattoria Da Gino", "is_company": True, "lang": "it_IT"}
        )
        gino = cls.env["res.partner"].create(
            {
                "name": "Gino Bianchi",
                "parent_id": cls.trattoria.id,
                "email": "gino@trattoria.example",
            }
        )
        cls.boutique = cls.env["res.partner"].create(
            {"name": "Boutique Marina", "is_company": True, "lang": "it_IT"}
        )

        def contract(partner, product, start, end=False):
            return cls.env["contract.contract"].create(
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
                                "price_unit": product.list_price,
                                "recurring_rule_type": "yearly",
                                "recurring_interval": 1,
                                "date_start": start,
                                "date_end": end,
                            }
                        )
                    ],
                }
            )

        # ends in about 65 days: the last day to cancel, 60 days before, is
        # within a week
        cls.renewing = contract(
            cls.trattoria, hosting, today - timedelta(days=300)
        ).contract_line_ids
        contract(
            cls.trattoria, old, today - timedelta(days=700), today - timedelta(days=30)
        )
        boutique_line = contract(
            cls.boutique, hosting, today - timedelta(days=30)
        ).contract_line_ids
        cls.env["support.service.suspension"].create(
            {
                "partner_id": cls.boutique.id,
                "line_ids": [Command.set(boutique_line.ids)],
                "reason": "other",
            }
        )
        cls.env["support.credit.move"].create(
            {
                "partner_id": cls.boutique.id,
                "company_id": company.id,
                "move_type": "grant",
                "quantity": 10,
                "expiry_date": today + timedelta(days=365),
                "name": "10 crediti",
            }
        )
        cls.ticket = cls.env["helpdesk.ticket"].create(
            {
                "name": "Sito bloccato",
                "description": "<p>Errore 500</p>",
                "partner_id": gino.id,
                "category_id": logs.id,
                "is_urgent": True,
            }
        )
        cls.agent = new_test_user(
            cls.env,
            login="agente",
            password="agente-backend-1",
            groups="helpdesk_mgmt.group_helpdesk_user,base.group_partner_manager",
            name="Giulia Agente",
            lang="it_IT",
            tz="Europe/Rome",
        )

    def test_ticket_header(self):
        self.assertTrue(0 < self.renewing.notice_days_left <= 7)
        self.start_tour(
            f"/odoo/helpdesk.ticket/{self.ticket.id}",
            "support_terms_backend_ticket_header",
            login="agente",
        )
        self.ticket.invalidate_recordset()
        self.assertTrue(self.ticket.taken_in_charge_date)
        self.assertEqual(self.ticket.user_id, self.agent)

    def test_services_list(self):
        self.start_tour(
            "/odoo/action-support_terms_base.support_service_action",
            "support_terms_backend_services",
            login="agente",
        )

    def test_customer_form(self):
        self.start_tour(
            f"/odoo/res.partner/{self.boutique.id}",
            "support_terms_backend_customer",
            login="agente",
        )
