from odoo import fields
from odoo.tests import Form, new_test_user, tagged

from .common import SupportPlanCase


@tagged("post_install", "-at_install")
class TestEveryRequestHasATeam(SupportPlanCase):
    """Whatever way a request arrives (email, portal, staff), it reaches a
    team: its plan's, else the company's support team."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team_premium = cls.env["helpdesk.ticket.team"].create(
            {"name": "Assistenza PREMIUM"}
        )
        cls.team_support = cls.env["helpdesk.ticket.team"].create(
            {"name": "Assistenza clienti"}
        )
        cls.plan_premium.team_id = cls.team_premium
        cls.company.support_team_id = cls.team_support
        cls.premium_contact = cls.env["res.partner"].create(
            {
                "name": "Anna Bianchi",
                "parent_id": cls.other_customer.id,
                "email": "anna@bianchi.example",
            }
        )
        cls._create_contract(cls.other_customer, cls.product_premium, "2026-01-01")
        cls._create_contract(cls.customer, cls.product_basic, "2026-01-01")
        cls.agent = new_test_user(
            cls.env,
            login="agent_team",
            groups="helpdesk_mgmt.group_helpdesk_user,"
            "support_terms_base.group_support_terms_user",
        )

    def _mail(self, sender, message_id):
        ticket_id = self.receive_email(
            sender,
            "info@provider.example",
            "Sito lento",
            fields.Datetime.now(),
            message_id,
            custom_values={"team_id": False},
        )
        return self.env["helpdesk.ticket"].browse(ticket_id)

    def test_email_to_a_generic_address(self):
        premium = self._mail("Anna Bianchi <anna@bianchi.example>", "<p1@b.example>")
        self.assertEqual(premium.support_plan_id, self.plan_premium)
        self.assertEqual(premium.team_id, self.team_premium)
        basic = self._mail("Mario Rossi <mario@rossi.example>", "<b1@r.example>")
        self.assertEqual(basic.support_plan_id, self.plan_basic)
        self.assertEqual(basic.team_id, self.team_support)
        unknown = self._mail("Luca Verdi <luca@webmail.example>", "<u1@w.example>")
        self.assertFalse(unknown.support_plan_id)
        self.assertEqual(unknown.team_id, self.team_support)

    def test_staff_enter_a_request_without_team(self):
        form = Form(self.env["helpdesk.ticket"].with_user(self.agent))
        form.name = "Posta ferma"
        form.description = "<p>La posta non arriva.</p>"
        form.partner_id = self.premium_contact
        ticket = form.save()
        self.assertEqual(ticket.team_id, self.team_premium)
        self.assertEqual(ticket.support_plan_id, self.plan_premium)

    def test_a_team_chosen_is_kept(self):
        other = self.env["helpdesk.ticket.team"].create({"name": "Sviluppo"})
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "Nuova pagina",
                "description": "<p>?</p>",
                "partner_id": self.premium_contact.id,
                "team_id": other.id,
            }
        )
        self.assertEqual(ticket.team_id, other)


@tagged("post_install", "-at_install")
class TestCustomerCorrected(SupportPlanCase):
    """Staff correct the customer of a request: the request takes the plan
    the new customer had when it arrived (its coverage, SLAs and emails)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.premium_contact = cls.env["res.partner"].create(
            {"name": "Anna Bianchi", "parent_id": cls.other_customer.id}
        )
        cls.nobody = cls.env["res.partner"].create({"name": "Privato senza piano"})
        cls._create_contract(cls.other_customer, cls.product_premium, "2026-01-01")
        cls._create_contract(cls.customer, cls.product_basic, "2026-01-01")
        cls.agent = new_test_user(
            cls.env,
            login="agent_customer",
            groups="helpdesk_mgmt.group_helpdesk_user_team,"
            "support_terms_base.group_support_terms_user",
        )

    def test_staff_write_a_new_customer(self):
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "Sito lento",
                "description": "<p>?</p>",
                "partner_id": self.contact.id,
                "user_id": self.agent.id,
            }
        )
        self.assertEqual(ticket.support_plan_id, self.plan_basic)
        ticket.with_user(self.agent).write({"partner_id": self.premium_contact.id})
        self.assertEqual(ticket.support_plan_id, self.plan_premium)
        ticket.with_user(self.agent).write({"partner_id": self.nobody.id})
        self.assertFalse(ticket.support_plan_id)
