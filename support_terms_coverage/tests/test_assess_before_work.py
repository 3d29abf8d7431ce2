from odoo.exceptions import UserError
from odoo.tests import Form, new_test_user, tagged

from .common import CoverageCase


@tagged("post_install", "-at_install")
class TestAssessBeforeWork(CoverageCase):
    """Seed 003: "Prima di intervenire, cerchiamo sempre di stabilire se una
    richiesta è da considerarsi ‘extra’ o se si tratta di un assistenza
    coperta dal servizio". On plans that assess before work, a request whose
    coverage is still to assess cannot enter a work stage until staff
    decide."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan_basic.assess_before_work = True
        cls.agent = new_test_user(
            cls.env,
            login="agent_assess",
            groups="helpdesk_mgmt.group_helpdesk_user,"
            "support_terms_base.group_support_terms_user",
        )

    def _start_work(self, ticket):
        with Form(ticket.with_user(self.agent)) as form:
            form.stage_id = self.stage_progress

    def test_a_request_to_assess_waits_for_the_decision(self):
        ticket = self._ticket(self.cat_status)
        self.assertEqual(ticket.coverage, "to_assess")
        with self.assertRaisesRegex(UserError, "still to assess"):
            self._start_work(ticket)
        ticket.invalidate_recordset()
        self.assertEqual(ticket.stage_id, self.stage_new)
        self.assertFalse(ticket.taken_in_charge_date)

        # staff decide: covered by the service, and the work starts
        with Form(ticket.with_user(self.agent)) as form:
            form.coverage_override_reason = "Verifica coperta dal piano."
            form.coverage = "included"
        self._start_work(ticket)
        self.assertEqual(ticket.stage_id, self.stage_progress)

    def test_deciding_and_starting_at_once(self):
        ticket = self._ticket(self.cat_status)
        ticket.with_user(self.agent).write(
            {
                "coverage": "included",
                "coverage_override_reason": "Coperta.",
                "stage_id": self.stage_progress.id,
            }
        )
        self.assertEqual(ticket.stage_id, self.stage_progress)

    def test_a_request_its_rule_covers_starts_at_once(self):
        ticket = self._ticket(self.cat_outage)
        self.assertEqual(ticket.coverage, "included")
        self._start_work(ticket)
        self.assertEqual(ticket.stage_id, self.stage_progress)

    def test_waiting_for_the_customer_is_not_work(self):
        ticket = self._ticket(self.cat_status)
        ticket.with_user(self.agent).stage_id = self.stage_waiting
        self.assertEqual(ticket.stage_id, self.stage_waiting)

    def test_plans_that_do_not_assess_start_at_once(self):
        self.plan_basic.assess_before_work = False
        ticket = self._ticket(self.cat_status)
        self.assertEqual(ticket.coverage, "to_assess")
        self._start_work(ticket)
        self.assertEqual(ticket.stage_id, self.stage_progress)
