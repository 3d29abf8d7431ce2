from freezegun import freeze_time

from odoo.tests import tagged

from .common import T0, AutoCloseCase, day

FACT = "//div[@name='support_fact_auto_close']"


@tagged("post_install", "-at_install")
class TestAutoCloseFormFact(AutoCloseCase):
    """The agent reads in the request's header when it closes without a
    reply.

    Issue scenario: "a header on the ticket form with ... the auto-close
    countdown"; terms: "la richiesta senza risposta del cliente per 7 giorni
    viene chiusa".
    """

    def test_countdown_while_waiting_for_the_customer(self):
        with freeze_time(T0):
            ticket = self._ticket()
            as_agent = ticket.with_user(self.agent)
            self.assertFalse(self._shown(as_agent, FACT))
            self._wait(ticket)
            as_agent.invalidate_recordset()
            self.assertTrue(self._shown(as_agent, FACT))
            self.assertEqual(as_agent.auto_close_date, day(7))
        with freeze_time(day(5, 1)):
            self.run_cron()  # the warning
        with freeze_time(day(8)):
            self.run_cron()  # the closing
        as_agent.invalidate_recordset()
        self.assertTrue(as_agent.closed)
        self.assertFalse(self._shown(as_agent, FACT))
