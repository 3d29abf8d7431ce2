from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.support_terms_base.tests.common import TOOLS_LOGGER, FailureChecks

from .common import AutoCloseCase, day


@tagged("post_install", "-at_install")
class TestAutoCloseIsolation(FailureChecks, AutoCloseCase):
    def test_ticket_whose_email_fails_to_render_does_not_stop_the_others(self):
        """The provider adds the customer code to the closing email: it cannot
        render for a customer without one, whose ticket is set aside; the
        others close."""
        template = self.env.ref("support_terms_auto_close.mail_template_auto_closed")
        template.body_html = (
            '<p>Ticket <t t-out="object.number"/>, codice cliente '
            '<t t-out="object.partner_id.commercial_partner_id.ref.upper()"/></p>'
        )
        self.customer.ref = "c001"
        with freeze_time(day(0)):
            assigned = [self._ticket() for _i in range(2)]
            poison = self._ticket(partner=self.other_customer)
            assigned.append(self._ticket())
            for ticket in [poison, *assigned]:
                self._wait(ticket)
        self.assertEqual(poison.auto_close_date, assigned[0].auto_close_date)
        with freeze_time(day(5, 1)):
            self.assertEqual(self.run_cron(), 4)  # all warned
        with freeze_time(day(7, 2)):
            self.run_with_poison(self.run_cron)
        for ticket in assigned:
            self.assertEqual(ticket.stage_id, self.stage_no_reply)
            self.assertEqual(len(self.closings(ticket)), 1)
        self.assertEqual(poison.stage_id, self.stage_waiting)
        self.assertFalse(poison.auto_closed_date)
        self.assert_set_aside(poison, 1, "Failed to render")

        # the next run tries it again, after the others: a ticket due at the
        # same moment (warned the same day) comes first, though created later
        with freeze_time(day(0)):
            later = self._ticket()
            self._wait(later)
        later.auto_close_warned_date = day(5, 1)
        self.assertEqual(later.auto_close_date, poison.auto_close_date)
        self.env["ir.config_parameter"].set_param(
            "support_terms.auto_close_batch_size", 1
        )
        with freeze_time(day(7, 4)):
            _cron, progress = self.cron._add_progress()
            # one call, one record: the one that never failed
            self.cron.ir_actions_server_id.with_context(
                ir_cron_progress_id=progress.id
            ).run()
        self.assertEqual(later.stage_id, self.stage_no_reply)
        self.assertEqual(self.failure(poison).count, 1)
        self.assertEqual(poison.stage_id, self.stage_waiting)
        with freeze_time(day(7, 4)):
            self.run_with_poison(self.run_cron)
        self.assert_set_aside(poison, 2, "Failed to render")
        for ticket in assigned:
            self.assertEqual(len(self.closings(ticket)), 1)

        # staff give the customer its code: the next run closes the ticket
        # and forgets the failure
        self.other_customer.ref = "c002"
        with freeze_time(day(8)):
            self.run_cron()
        self.assertEqual(poison.stage_id, self.stage_no_reply)
        self.assertFalse(self.failure(poison))

    def test_bad_batch_size_refused_and_default_used(self):
        with freeze_time(day(0)):
            tickets = [self._ticket() for _i in range(3)]
            for ticket in tickets:
                self._wait(ticket)
        for bad in ("0", "-5", "cinquecento", "1.5"):
            with self.subTest(batch_size=bad):
                self.env["ir.config_parameter"].set_param(
                    "support_terms.auto_close_batch_size", bad
                )
                with self.assertLogs(TOOLS_LOGGER, "WARNING") as logs:
                    with freeze_time(day(5, 1)):
                        self.cron.ir_actions_server_id.run()
                self.assertIn("support_terms.auto_close_batch_size", logs.output[0])
                self.assertIn("refused", logs.output[0])
                self.assertIn("500", logs.output[0])
        # the default batch (500) warned the three at once, on the first try
        for ticket in tickets:
            self.assertEqual(len(self.warnings(ticket)), 1)
