from datetime import datetime

from odoo.tests import tagged

from .common import PlanSlaCase

MONDAY = datetime(2026, 3, 2, 14, 0)  # 15:00 in Rome
TUESDAY = datetime(2026, 3, 3, 14, 0)


@tagged("post_install", "-at_install")
class TestMergeKeepsTheEarliestSla(PlanSlaCase):
    """Seed 004: "ti preghiamo di non aprire ticket differenti per il
    medesimo problema". Staff merge the second request into the first or the
    first into the second: the customer asked on the first day, and the
    merged request keeps the deadline counted from then."""

    def _sla_line(self, ticket):
        line = ticket.ticket_sla_ids.filtered(lambda r: r.sla_id == self.take_in_charge)
        self.assertEqual(len(line), 1)
        return line

    def _merge(self, tickets, destination):
        wizard = (
            self.env["helpdesk.ticket.merge"]
            .with_context(active_ids=tickets.ids)
            .create({"dst_ticket_id": destination.id})
        )
        with self.at(TUESDAY.replace(hour=16)):
            wizard.merge_tickets()

    def test_merged_into_the_later_request(self):
        first = self._ticket(MONDAY)
        second = self._ticket(TUESDAY)
        first_deadline = self._sla_line(first).deadline
        self.assertLess(first_deadline, self._sla_line(second).deadline)
        self._merge(first | second, second)
        self.assertFalse(first.active)
        self.assertEqual(self._sla_line(second).deadline, first_deadline)

    def test_merged_into_the_earlier_request(self):
        first = self._ticket(MONDAY)
        second = self._ticket(TUESDAY)
        first_deadline = self._sla_line(first).deadline
        self._merge(first | second, first)
        self.assertFalse(second.active)
        self.assertEqual(self._sla_line(first).deadline, first_deadline)
