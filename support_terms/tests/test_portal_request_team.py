import re
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

from .common import SupportTermsCase


@tagged("post_install", "-at_install")
class TestPortalRequestReachesTheTeam(HttpCase, SupportTermsCase):
    """Seed 001: urgencies "prese in gestione ... entro massimo 4 ore dalla
    ricezione del messaggio". A request sent from the portal form, with the
    portal's team choice off, reaches its plan's team like an email: team,
    SLA, on-call staff called; the customer's emails are written by the
    company, not by the customer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.helpdesk_mgmt_portal_select_team = False
        cls.company.helpdesk_mgmt_portal_team_id_required = False
        cls.always = cls._create_calendar(
            "H24", cls.company, hours=((0, 1, 2, 3, 4, 5, 6), 0.0, 24.0)
        )
        # the support hours are closed from yesterday to the day after
        # tomorrow: the request arrives out of hours, whatever the hour
        now = fields.Datetime.now()
        cls.env["resource.calendar.leaves"].create(
            {
                "name": "Chiuso",
                "calendar_id": cls.calendar.id,
                "date_from": now - timedelta(days=1),
                "date_to": now + timedelta(days=3),
            }
        )
        cls.on_call = new_test_user(
            cls.env,
            login="on_call_portal",
            groups="helpdesk_mgmt.group_helpdesk_user",
            email="reperibile@provider.example",
        )
        cls.agent = new_test_user(
            cls.env,
            login="agent_portal_team",
            groups="helpdesk_mgmt.group_helpdesk_manager",
            email="agente@provider.example",
        )
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "Assistenza BASIC",
                "use_sla": True,
                "resource_calendar_id": cls.calendar.id,
                "on_call_user_ids": [(6, 0, cls.on_call.ids)],
                "user_ids": [(6, 0, (cls.on_call | cls.agent).ids)],
            }
        )
        cls.plan_basic.write(
            {"team_id": cls.team.id, "urgent_calendar_id": cls.always.id}
        )
        cls.urgent_sla = cls.env["helpdesk.sla"].create(
            {
                "name": "Urgenze H24 BASIC",
                "team_ids": [(6, 0, cls.team.ids)],
                "support_plan_ids": [(6, 0, cls.plan_basic.ids)],
                "urgency": "urgent",
                "hours": 4,
                "stage_id": cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done").id,
                "resource_calendar_id": cls.always.id,
            }
        )
        cls._create_contract(cls.customer, cls.product_basic, "2026-01-01")
        cls.portal = cls.env["res.users"].create(
            {
                "name": "Mario Rossi",
                "login": "mario_portal_team",
                "password": "mario-portal-team-1",
                "partner_id": cls.contact.id,
                "groups_id": [(6, 0, cls.env.ref("base.group_portal").ids)],
            }
        )

    def test_urgent_request_from_the_portal_form(self):
        self.authenticate("mario_portal_team", "mario-portal-team-1")
        form = self.url_open("/new/ticket").text
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
        response = self.url_open(
            "/submitted/ticket",
            data={
                "csrf_token": csrf,
                "subject": "URGENTE: sito down",
                "description": "Il sito non risponde.",
            },
        )
        self.assertEqual(response.status_code, 200)
        ticket = self.env["helpdesk.ticket"].search(
            [("name", "=", "URGENTE: sito down")]
        )
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.partner_id, self.contact)
        self.assertEqual(ticket.support_plan_id, self.plan_basic)
        self.assertEqual(ticket.team_id, self.team)
        self.assertTrue(ticket.is_urgent)
        self.assertEqual(ticket.ticket_sla_ids.sla_id, self.urgent_sla)
        self.assertEqual(ticket.activity_ids.user_id, self.on_call)

        # staff take it in charge: the customer's email is the company's
        progress = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_in_progress")
        ticket.with_user(self.agent).write({"stage_id": progress.id})
        self.assertTrue(ticket.taken_in_charge_date)
        subject = f"{ticket.number}: your request has been taken in charge"
        mail = self.env["mail.mail"].search(
            [
                ("model", "=", "helpdesk.ticket"),
                ("res_id", "=", ticket.id),
                ("subject", "=", subject),
            ]
        )
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.author_id, self.company.partner_id)
        self.assertNotIn(mail.author_id, self.contact | self.agent.partner_id)
        self.assertIn(self.contact, mail.recipient_ids)
