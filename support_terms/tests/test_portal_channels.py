import re

from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import SupportTermsCase


@tagged("post_install", "-at_install")
class TestPortalChannels(HttpCase, SupportTermsCase):
    """Seed 000: "Gestione Internet fornisce supporto ai propri clienti GOLD
    attraverso un comodo Help Desk online"; seed 002: support "via mail o
    chat".

    The portal's request form is offered to the customers whose plan
    includes the portal; the others read which channels their plan has and
    how to get one, and a request they post anyway is refused with a clear
    error, nothing written."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("it_IT")
        cls.env["ir.module.module"]._load_module_terms(
            ["support_terms"], ["it_IT"], overwrite=True
        )
        cls.company.helpdesk_mgmt_portal_select_team = False
        cls.company.helpdesk_mgmt_portal_team_id_required = False
        cls.company.helpdesk_mgmt_portal_category_id_required = False
        cls.email = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email")
        cls.web = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web")
        cls.plan_premium.channel_ids = [Command.set((cls.web | cls.email).ids)]
        # the BASIC plan: email only
        cls.plan_basic.write(
            {"channel_ids": [Command.set(cls.email.ids)], "channel_rule": "refuse"}
        )
        cls._create_contract(cls.customer, cls.product_basic, "2026-01-01")
        cls.contact.lang = "it_IT"
        cls.env["res.users"].create(
            {
                "name": "Mario Rossi",
                "login": "mario_channels",
                "password": "mario-channels-1",
                "partner_id": cls.contact.id,
                "groups_id": [(6, 0, cls.env.ref("base.group_portal").ids)],
            }
        )
        cls.premium_contact = cls.env["res.partner"].create(
            {
                "name": "Laura Bianchi",
                "parent_id": cls.other_customer.id,
                "email": "laura@bianchi.example",
            }
        )
        cls._create_contract(cls.other_customer, cls.product_premium, "2026-01-01")
        cls.env["res.users"].create(
            {
                "name": "Laura Bianchi",
                "login": "laura_channels",
                "password": "laura-channels-1",
                "partner_id": cls.premium_contact.id,
                "groups_id": [(6, 0, cls.env.ref("base.group_portal").ids)],
            }
        )

    def test_form_only_for_plans_with_the_portal(self):
        self.authenticate("laura_channels", "laura-channels-1")
        page = self.url_open("/new/ticket").text
        self.assertIn('name="subject"', page)
        self.assertNotIn("support_terms_channel_not_in_plan", page)

    def test_customer_without_portal_reads_its_channels(self):
        self.authenticate("mario_channels", "mario-channels-1")
        page = self.url_open("/new/ticket").text
        self.assertIn("support_terms_channel_not_in_plan", page)
        self.assertNotIn('name="subject"', page)
        self.assertIn("I canali del vostro piano:", page)
        self.assertIn(self.email.with_context(lang="it_IT").name, page)
        self.assertIn("chiedeteci un piano che comprenda il portale clienti", page)

    def test_post_without_portal_is_refused_nothing_written(self):
        self.authenticate("mario_channels", "mario-channels-1")
        # the session's token, from a page of the portal
        page = self.url_open("/my").text
        csrf = re.search(r'csrf_token: "([^"]+)"', page) or re.search(
            r'name="csrf_token" value="([^"]+)"', page
        )
        tickets = self.env["helpdesk.ticket"]
        before = tickets.search_count([])
        response = self.url_open(
            "/submitted/ticket",
            data={
                "csrf_token": csrf.group(1),
                "subject": "Sito lento",
                "description": "Dal portale",
            },
        )
        self.assertNotEqual(response.status_code, 200)
        self.assertIn(
            "non comprende le richieste dal portale: inviatele per", response.text
        )
        self.assertEqual(tickets.search_count([]), before)

    def test_the_portal_in_a_browser(self):
        """In the browser, the customer whose plan has no portal opens a new
        request and reads its plan's channels instead of a form; nothing is
        created."""
        self.contact.lang = "en_US"
        user = self.env["res.users"].search([("login", "=", "mario_channels")])
        user.password = "mario_channels"  # the tour logs in with its login
        before = self.env["helpdesk.ticket"].search_count([])
        self.start_tour(
            "/new/ticket", "support_terms_portal_channels", login="mario_channels"
        )
        self.assertEqual(self.env["helpdesk.ticket"].search_count([]), before)
