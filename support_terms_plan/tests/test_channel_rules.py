import logging
from datetime import datetime

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, new_test_user, tagged

from .common import SupportPlanCase

T0 = datetime(2026, 3, 10, 15, 0)  # Tuesday, 16:00 in Rome


@tagged("post_install", "-at_install")
class TestChannelRules(SupportPlanCase):
    """Seed 001: "Le richieste devono essere effettuate via email [...]
    ovvero attraverso la sezione CONTATTI del sito web. Non possono essere
    prese in considerazione richieste telefoniche."

    A request on a channel its plan does not include gets the plan's rule
    where it arrives: an email is answered with the plan's channels and
    closed; staff logging a phone call read the rule before saving, and the
    call is not saved. A plan that accepts other channels only flags them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("it_IT")
        cls.env["ir.module.module"]._load_module_terms(
            ["support_terms_plan"], ["it_IT"], overwrite=True
        )
        cls.email = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email")
        cls.phone = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone")
        cls.web = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web")
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {"name": "Assistenza", "alias_name": "assistenza-canali"}
        )
        cls.company.support_team_id = cls.team
        # the BASIC plan: email and the site's form; phone calls refused
        cls.plan_basic.write(
            {
                "channel_ids": [Command.set((cls.email | cls.web).ids)],
                "channel_rule": "refuse",
            }
        )
        cls.customer.lang = "it_IT"
        cls.contact.lang = "it_IT"
        cls._create_contract(cls.customer, cls.product_basic, "2026-01-01")
        cls.agent = new_test_user(
            cls.env,
            login="agent_channels",
            groups="helpdesk_mgmt.group_helpdesk_user",
            name="Giulia Agente",
        )

    def _mails(self, ticket):
        self.env.cr.precommit.run()
        return self.env["mail.mail"].search(
            [("model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)]
        )

    def _mail(self, subject, message_id):
        return self.env["helpdesk.ticket"].browse(
            self.receive_email(
                "Mario Rossi <mario@rossi.example>",
                "assistenza-canali@example.com",
                subject,
                T0,
                message_id,
            )
        )

    def test_email_on_a_plan_with_email_is_served(self):
        ticket = self._mail("Sito lento", "<c1@rossi.example>")
        self.assertEqual(ticket.support_plan_id, self.plan_basic)
        self.assertEqual(ticket.channel_id, self.email)
        self.assertFalse(ticket.support_channel_outcome)
        self.assertFalse(ticket.stage_id.closed)

    def test_email_outside_the_plan_is_refused_with_an_explanation(self):
        """A plan whose only channel is the site's form refuses emails: the
        customer is told, in Italian, which channels the plan has, and the
        request is closed (no second email for the closing)."""
        self.plan_basic.channel_ids = self.web
        ticket = self._mail("Posta non arriva", "<c2@rossi.example>")
        self.assertEqual(ticket.support_plan_id, self.plan_basic)
        self.assertEqual(ticket.support_channel_outcome, "refused")
        self.assertEqual(
            ticket.stage_id,
            self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_rejected"),
        )
        mails = self._mails(ticket)
        self.assertEqual(len(mails), 1, mails.mapped("subject"))
        self.assertEqual(
            mails.subject,
            f"{ticket.number}: inviate la richiesta attraverso i canali del "
            "vostro piano",
        )
        self.assertIn(self.web.name, mails.body_html)
        self.assertIn("l'abbiamo chiusa", mails.body_html)
        self.assertIn(self.contact, mails.recipient_ids)

    def test_request_without_a_plan_names_no_channels(self):
        """A stranger's email has no plan: its form and emails name no
        channel of a plan (nothing, not a technical placeholder)."""
        ticket = self.env["helpdesk.ticket"].browse(
            self.receive_email(
                "Sconosciuto <chi@altrove.example>",
                "assistenza-canali@example.com",
                "Informazioni",
                T0,
                "<c0@altrove.example>",
            )
        )
        self.assertFalse(ticket.support_plan_id)
        self.assertFalse(ticket.support_plan_channels)

    def test_plan_accepting_other_channels_only_flags_them(self):
        self.plan_basic.write({"channel_ids": self.web, "channel_rule": "accept"})
        ticket = self._mail("Sito lento", "<c3@rossi.example>")
        self.assertFalse(ticket.support_channel_outcome)
        self.assertFalse(ticket.stage_id.closed)
        self.assertFalse(self._mails(ticket))

    def test_staff_logging_a_call_see_the_rule_and_nothing_is_saved(self):
        """ "Non possono essere prese in considerazione richieste telefoniche":
        the agent reads it on the form before saving; saving is refused in
        Italian and no request is written."""
        tickets = self.env["helpdesk.ticket"]
        before = tickets.search_count([])
        agent_it = self.env(user=self.agent, context={"lang": "it_IT"})
        form = Form(agent_it["helpdesk.ticket"])
        form.name = "Telefonata: sito lento"
        form.description = "Il cliente chiama per il sito lento."
        form.partner_id = self.contact
        with self.assertLogs("odoo.tests.form.onchange", logging.WARNING) as logs:
            form.channel_id = self.phone
        warning = "\n".join(logs.output)
        phone = self.phone.with_context(lang="it_IT").name
        self.assertIn("Canale non compreso nel piano", warning)
        self.assertIn(f"non riceve richieste per {phone}", warning)
        with self.assertRaises(UserError) as caught:
            form.save()
        self.assertIn(f"non riceve richieste per {phone}", str(caught.exception))
        self.assertIn("La richiesta non viene salvata", str(caught.exception))
        self.assertEqual(tickets.search_count([]), before)
        # by email it is the customer's channel: saved
        form.channel_id = self.email
        self.assertTrue(form.save())
        self.assertEqual(tickets.search_count([]), before + 1)
