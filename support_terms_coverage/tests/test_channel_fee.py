import logging
from datetime import datetime

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import CoverageCase

T0 = datetime(2026, 3, 10, 15, 0)  # Tuesday, 16:00 in Rome


@tagged("post_install", "-at_install")
class TestChannelFee(CoverageCase):
    """Seed 002: "Il contatto telefonico che mettiamo a disposizione è
    esclusivamente dedicato agli utenti del PIANO DI MANUTENZIONE PREMIUM".

    A plan may charge, instead of refusing, the requests that come on a
    channel it does not include: the channel fee is charged when the
    request arrives, by email or logged by staff, and the customer is told
    in its language with the plan's channels."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.module.module"]._load_module_terms(
            ["support_terms_plan", "support_terms_coverage"], ["it_IT"], overwrite=True
        )
        cls.customer.lang = "it_IT"
        cls.contact.lang = "it_IT"
        cls.team.alias_name = "supporto-canali-fee"
        cls.email = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email")
        cls.phone = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone")
        cls.web = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web")
        cls.channel_fee = cls._create_product("Richiesta fuori canale", cls.company)
        cls.channel_fee.lst_price = 25.0
        cls.plan_basic.channel_ids = [Command.set(cls.web.ids)]
        cls.agent = new_test_user(
            cls.env,
            login="agent_channel_fee",
            groups="helpdesk_mgmt.group_helpdesk_user,"
            "support_terms_base.group_support_terms_user",
            name="Giulia Agente",
        )

    def test_charging_needs_the_fee_product(self):
        """A plan cannot charge a fee the company has not chosen: refused in
        Italian, nothing written."""
        with self.assertRaises(ValidationError) as caught:
            self.plan_basic.with_context(lang="it_IT").channel_rule = "charge"
        self.assertIn("scegliete prima nelle impostazioni", str(caught.exception))
        self.plan_basic.invalidate_recordset()
        self.assertEqual(self.plan_basic.channel_rule, "accept")

    def test_email_outside_the_plan_is_charged(self):
        self.company.support_channel_fee_product_id = self.channel_fee
        self.plan_basic.channel_rule = "charge"
        ticket = self.env["helpdesk.ticket"].browse(
            self.receive_email(
                "Mario Rossi <mario@rossi.example>",
                "supporto-canali-fee@example.com",
                "Sito lento",
                T0,
                "<fee1@rossi.example>",
                custom_values={"team_id": self.team.id},
            )
        )
        self.assertEqual(ticket.support_plan_id, self.plan_basic)
        self.assertEqual(ticket.support_channel_outcome, "charged")
        self.assertFalse(ticket.stage_id.closed)
        charge = ticket.support_charge_ids
        self.assertEqual(
            (charge.kind, charge.product_id, charge.price_unit, charge.partner_id),
            ("channel", self.channel_fee, 25.0, self.customer),
        )
        self.env.cr.precommit.run()
        mail = self.env["mail.mail"].search(
            [
                ("model", "=", "helpdesk.ticket"),
                ("res_id", "=", ticket.id),
                ("subject", "ilike", "sono a pagamento"),
            ]
        )
        self.assertEqual(len(mail), 1)
        self.assertIn("25,00", mail.body_html)
        self.assertIn(self.web.name, mail.body_html)
        # the agent reads it with an agent's rights on plans and channels
        ticket.invalidate_recordset(["channel_outside_plan"])
        as_agent = ticket.with_user(self.agent)
        self.assertEqual(
            as_agent.read(["channel_outside_plan"])[0]["channel_outside_plan"], True
        )
        self.assertEqual(
            as_agent.support_plan_id._support_channel_names(), self.web.name
        )
        # charged once: the manual action says so
        with self.assertRaises(UserError):
            ticket.action_charge_channel()
        self.assertEqual(len(ticket.support_charge_ids), 1)

    def test_staff_logging_a_call_read_the_fee_before_saving(self):
        self.company.support_channel_fee_product_id = self.channel_fee
        self.plan_basic.channel_rule = "charge"
        form = Form(
            self.env(user=self.agent, context={"lang": "it_IT"})["helpdesk.ticket"]
        )
        form.name = "Telefonata: posta"
        form.description = "Chiama per la posta."
        form.partner_id = self.contact
        with self.assertLogs("odoo.tests.form.onchange", logging.WARNING) as logs:
            form.channel_id = self.phone
        warning = "\n".join(logs.output)
        self.assertIn("addebitata la tariffa del canale", warning)
        self.assertIn("25,00", warning)
        ticket = form.save()
        self.assertEqual(ticket.support_channel_outcome, "charged")
        self.assertEqual(ticket.support_charge_ids.product_id, self.channel_fee)
