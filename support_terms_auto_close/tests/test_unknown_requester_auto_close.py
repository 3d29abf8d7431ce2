from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.tests import new_test_user, tagged

from odoo.addons.support_terms_plan.tests.common import (
    UnknownRequesterChecks,
)

from .common import AutoCloseCase

T0 = datetime(2026, 3, 10, 15, 0)  # Tuesday, 16:00 in Rome


@tagged("post_install", "-at_install")
class TestUnknownRequesterAutoClose(UnknownRequesterChecks, AutoCloseCase):
    """A request from an address that matches no contact: the requester is
    known only by the ticket's email, and the emails of the closing reach
    that address (as the email's To), without creating a contact."""

    T0 = T0

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env,
            login="manager_unknown",
            groups="helpdesk_mgmt.group_helpdesk_manager,"
            "support_terms_base.group_support_terms_manager",
            name="Responsabile",
        )

    def test_unknown_sender_is_warned_then_told_of_the_auto_close(self):
        """ "il ticket di assistenza viene chiuso automaticamente entro 7 giorni,
        se non riceviamo risposta dal cliente": the customer is warned first."""
        self.plan_basic.write({"auto_close_days": 7, "auto_close_warning_days": 2})
        ticket = self._receive()
        # staff recognise the customer: Rossi's plan, still no contact
        ticket.with_user(self.manager).support_plan_id = self.plan_basic
        with freeze_time(T0 + timedelta(hours=1)):
            ticket.with_user(self.agent).stage_id = self.stage_waiting
        self.assertEqual(ticket.auto_close_date, T0 + timedelta(days=7, hours=1))
        for moment in (
            T0 + timedelta(days=5, hours=1),
            T0 + timedelta(days=7, hours=1),
        ):
            with freeze_time(moment):
                self.run_like_the_cron_worker(self.cron)
                self.run_like_the_cron_worker(self.cron)
        self.assertEqual(ticket.stage_id, self.stage_no_reply)
        warning = self._mails_to_requester(ticket, "waiting for your reply")
        self.assertEqual(len(warning), 1)
        self.assertIn("Hello Luca Verdi,", warning.body_html)
        self.assertEqual(
            len(self._mails_to_requester(ticket, "closed for lack of reply")), 1
        )
        self._assert_no_new_contact()
