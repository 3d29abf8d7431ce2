from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import DUE, LatePaymentCase

TODAY = date(2026, 3, 10)


@tagged("post_install", "-at_install")
class TestServiceInForce(LatePaymentCase):
    """One meaning of "service in force": started, not ended, not canceled, not
    terminated, on an active contract. The invoicing and the overdue
    suspension follow it (the plan in force too, in the application)."""

    def test_one_definition_for_invoicing_suspension_and_services(self):
        """Each kind of line not in force: not suspended, not invoiced; the
        suspended one stays in force (and invoiced)."""
        Line = self.env["contract.line"]
        partners = self._lines_not_in_force(self.product_hosting)
        self.line.service_state = "suspended"
        with freeze_time(TODAY):
            in_force = Line.search(Line._support_in_force_domain(TODAY))
            self.assertIn(self.line, in_force)
            self.assertTrue(self.line._support_in_force(TODAY))
            for name, (partner, line) in partners.items():
                with self.subTest(line=name):
                    self.assertNotIn(line, in_force)
                    self.assertFalse(line._support_in_force(TODAY))
                    self._invoice(partner=partner, due=DUE)
            # the overdue scan suspends only the customer with a service in force
            self._invoice(due=DUE)
            self.run_cron()
            self.assertTrue(self.suspensions())
            for name, (partner, _line) in partners.items():
                with self.subTest(suspended=name):
                    self.assertFalse(self.suspensions(partner))
        _partner, terminated = partners["terminated"]
        self.assertFalse(terminated._can_be_invoiced(date(2026, 1, 1)))
        self.assertTrue(self.line._can_be_invoiced(date(2026, 1, 1)))
