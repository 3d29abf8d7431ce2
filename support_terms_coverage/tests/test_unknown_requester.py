from datetime import datetime

from odoo.tests import new_test_user, tagged

from .common import CoverageCase

T0 = datetime(2026, 3, 10, 15, 0)  # Tuesday, 16:00 in Rome
ADDRESS = "luca.verdi@webmail.example"


@tagged("post_install", "-at_install")
class TestUnknownRequesterCoverage(CoverageCase):
    """A request from an address that matches no contact: the requester is
    known only by the ticket's email, and the email saying the request is not
    covered reaches that address (as the email's To), without creating a
    contact."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent = new_test_user(
            cls.env,
            login="agent_unknown",
            groups="helpdesk_mgmt.group_helpdesk_user",
            name="Giulia Agente",
        )
        cls.manager = new_test_user(
            cls.env,
            login="manager_unknown",
            groups="helpdesk_mgmt.group_helpdesk_manager,"
            "support_terms_base.group_support_terms_manager",
            name="Responsabile",
        )

    def _receive(self, subject="Posta non arriva"):
        partners_before = self.env["res.partner"].search_count([])
        ticket_id = self.receive_email(
            f"Luca Verdi <{ADDRESS}>",
            "supporto-cov@example.com",
            subject,
            T0,
            "<first@webmail.example>",
            body="Da stamattina la posta non arriva.",
            custom_values={"team_id": self.team.id},
        )
        ticket = self.env["helpdesk.ticket"].browse(ticket_id)
        self.assertFalse(ticket.partner_id)
        self.assertIn(ADDRESS, ticket.partner_email)
        self.assertEqual(ticket.partner_name, "Luca Verdi")
        self.assertEqual(self.env["res.partner"].search_count([]), partners_before)
        return ticket

    def _mails_to_requester(self, ticket, subject_words):
        self.env.cr.precommit.run()  # tracking and its stage emails
        mails = self.env["mail.mail"].search(
            [
                ("model", "=", "helpdesk.ticket"),
                ("res_id", "=", ticket.id),
                ("subject", "ilike", subject_words),
            ]
        )
        return mails.filtered(lambda mail: ADDRESS in (mail.email_to or ""))

    def _assert_no_new_contact(self):
        self.assertFalse(
            self.env["res.partner"]
            .with_context(active_test=False)
            .search([("email", "ilike", ADDRESS)])
        )

    def test_unknown_sender_is_told_the_request_is_not_covered(self):
        ticket = self._receive("Errore nel mio plugin")
        ticket.with_user(self.manager).support_plan_id = self.plan_basic
        ticket.with_user(self.agent).category_id = self.cat_own_code
        self.assertEqual(ticket.coverage, "excluded")
        mails = self._mails_to_requester(ticket, "")
        mails = mails.filtered(
            lambda mail: "Your own code is not covered" in mail.body_html
        )
        self.assertEqual(len(mails), 1)
        self._assert_no_new_contact()
