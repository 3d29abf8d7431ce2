from datetime import datetime

from odoo.tests import new_test_user, tagged

from odoo.addons.support_terms_plan.tests.common import (
    UnknownRequesterChecks,
)

from .common import CoverageCase

T0 = datetime(2026, 3, 10, 15, 0)  # Tuesday, 16:00 in Rome


@tagged("post_install", "-at_install")
class TestUnknownRequesterCoverage(UnknownRequesterChecks, CoverageCase):
    """A request from an address that matches no contact: the requester is
    known only by the ticket's email, and the email saying the request is not
    covered reaches that address (as the email's To), without creating a
    contact."""

    T0 = T0

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
