from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .common import SlaCase


@tagged("post_install", "-at_install")
class TestTakeInCharge(SlaCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))
        cls.agent = new_test_user(
            cls.env,
            login="agent_tic",
            groups="helpdesk_mgmt.group_helpdesk_user",
            name="Giulia Agente",
        )
        cls.stage_new = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new")
        cls.stage_progress = cls.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_stage_in_progress"
        )
        cls.stage_done = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")

    def _ticket(self):
        return self.env["helpdesk.ticket"].create(
            {
                "name": "Posta non arriva",
                "description": "<p>?</p>",
                "partner_id": self.contact.id,
            }
        )

    def _mails(self, ticket, words):
        return ticket.message_ids.filtered(lambda m: words in (m.subject or ""))

    def test_take_in_charge_with_expected_resolution(self):
        ticket = self._ticket()
        self.assertEqual(ticket.stage_id, self.stage_new)
        with freeze_time(datetime(2026, 3, 10, 15, 0)):
            wizard = (
                self.env["support.take.in.charge.wizard"]
                .with_user(self.agent)
                .create(
                    {
                        "ticket_id": ticket.id,
                        "estimated_resolution_date": datetime(2026, 3, 11, 16, 0),
                    }
                )
            )
            wizard.action_confirm()
        self.assertEqual(ticket.taken_in_charge_date, datetime(2026, 3, 10, 15, 0))
        self.assertEqual(ticket.estimated_resolution_date, datetime(2026, 3, 11, 16, 0))
        self.assertEqual(ticket.user_id, self.agent)
        self.assertEqual(ticket.stage_id, self.stage_progress)
        mail = self._mails(ticket, "taken in charge")
        self.assertEqual(len(mail), 1)
        self.assertIn("Giulia Agente", mail.body)
        self.assertIn("We expect to solve it by", mail.body)
        self.assertIn(self.contact, mail.partner_ids)

    def test_first_move_out_of_new_takes_in_charge_once(self):
        ticket = self._ticket()
        ticket.stage_id = self.stage_progress
        self.assertTrue(ticket.taken_in_charge_date)
        mail = self._mails(ticket, "taken in charge")
        self.assertEqual(len(mail), 1)
        self.assertIn("cannot be foreseen yet", mail.body)
        ticket.stage_id = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_awaiting")
        self.assertEqual(len(self._mails(ticket, "taken in charge")), 1)

    def test_a_stage_that_emails_itself_is_not_doubled(self):
        self.stage_progress.mail_template_id = self.env.ref(
            "helpdesk_mgmt.changed_stage_template"
        )
        ticket = self._ticket()
        ticket.stage_id = self.stage_progress
        self.assertTrue(ticket.taken_in_charge_date)
        self.assertFalse(self._mails(ticket, "taken in charge"))

    def test_closing_as_done_emails_the_resolution(self):
        ticket = self._ticket()
        self.env.cr.precommit.run()  # the creation is logged apart
        ticket.resolution = "<p>Il DNS puntava al vecchio server: corretto.</p>"
        ticket.stage_id = self.stage_done
        self.env.cr.precommit.run()  # the stage's email goes with the tracking
        mail = self.env["mail.mail"].search(
            [
                ("model", "=", "helpdesk.ticket"),
                ("res_id", "=", ticket.id),
                ("subject", "ilike", "has been solved"),
            ]
        )
        self.assertEqual(len(mail), 1)
        self.assertIn("vecchio server", mail.body_html)

    def test_in_italian_for_an_italian_customer(self):
        self.env["res.lang"]._activate_lang("it_IT")
        self.env["ir.module.module"]._load_module_terms(
            ["support_terms_sla"], ["it_IT"]
        )
        self.contact.lang = "it_IT"
        ticket = self._ticket()
        ticket.stage_id = self.stage_progress
        mail = ticket.message_ids.filtered(
            lambda m: "presa in carico" in (m.subject or "")
        )
        self.assertEqual(len(mail), 1)

    def test_refused(self):
        ticket = self._ticket()
        ticket.stage_id = self.stage_done
        wizard = self.env["support.take.in.charge.wizard"].create(
            {"ticket_id": ticket.id}
        )
        with self.assertRaises(UserError):
            wizard.action_confirm()
        with freeze_time(datetime(2026, 3, 10, 15, 0)), self.assertRaises(UserError):
            self.env["support.take.in.charge.wizard"].create(
                {
                    "ticket_id": self._ticket().id,
                    "estimated_resolution_date": datetime(2026, 3, 9, 15, 0),
                }
            )
