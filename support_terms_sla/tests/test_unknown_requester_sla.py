from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.tests import new_test_user, tagged

from odoo.addons.support_terms_plan.tests.common import (
    UnknownRequesterChecks,
)

from .common import SlaCase

T0 = datetime(2026, 3, 10, 15, 0)  # Tuesday, 16:00 in Rome


@tagged("post_install", "-at_install")
class TestUnknownRequesterSla(UnknownRequesterChecks, SlaCase):
    """A request from an address that matches no contact: the requester is
    known only by the ticket's email, and the emails of the take in charge and
    of the resolution reach that address (as the email's To), without
    creating a contact."""

    T0 = T0

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stage_progress = cls.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_stage_in_progress"
        )
        cls.stage_done = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {"name": "Supporto hosting", "alias_name": "supporto-sla"}
        )
        cls.agent = new_test_user(
            cls.env,
            login="agent_unknown",
            groups="helpdesk_mgmt.group_helpdesk_user",
            name="Giulia Agente",
        )
        cls._create_contract(cls.customer, cls.product_basic, "2026-01-01")

    def test_unknown_sender_is_told_the_request_is_taken_in_charge(self):
        ticket = self._receive()
        with freeze_time(T0 + timedelta(hours=1)):
            wizard = (
                self.env["support.take.in.charge.wizard"]
                .with_user(self.agent)
                .create(
                    {
                        "ticket_id": ticket.id,
                        "estimated_resolution_date": T0 + timedelta(days=1),
                    }
                )
            )
            wizard.action_confirm()
        self.assertTrue(ticket.taken_in_charge_date)
        mails = self._mails_to_requester(ticket, "taken in charge")
        self.assertEqual(len(mails), 1)
        self.assertIn("Giulia Agente", mails.body_html)
        self.assertIn("Hello Luca Verdi,", mails.body_html)
        self._assert_no_new_contact()

    def test_unknown_sender_taken_in_charge_by_the_first_move(self):
        ticket = self._receive()
        with freeze_time(T0 + timedelta(hours=1)):
            ticket.with_user(self.agent).stage_id = self.stage_progress
        self.assertEqual(len(self._mails_to_requester(ticket, "taken in charge")), 1)
        self._assert_no_new_contact()

    def test_unknown_sender_is_told_the_resolution(self):
        ticket = self._receive()
        self.env.cr.precommit.run()
        agent_ticket = ticket.with_user(self.agent).with_context(tracking_disable=False)
        with freeze_time(T0 + timedelta(hours=2)):
            agent_ticket.resolution = "<p>La casella era piena: svuotata.</p>"
            agent_ticket.stage_id = self.stage_done
        mails = self._mails_to_requester(ticket, "has been solved")
        self.assertEqual(len(mails), 1)
        self.assertIn("casella era piena", mails.body_html)
        self._assert_no_new_contact()
