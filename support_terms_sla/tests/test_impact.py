from odoo.tests import Form, tagged

from .common import PlanSlaCase


@tagged("post_install", "-at_install")
class TestPriorityByImpact(PlanSlaCase):
    """Seed 004: "Verranno infatti gestite in maniera prioritaria le
    richieste che compromettono la fruibilità totale del servizio offerto."
    The impact chosen by the customer or by staff sets the priority of the
    plans that handle requests by impact, and chooses the SLAs made for it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan_basic.impact_priority = True
        cls.service_down_sla = cls.env["helpdesk.sla"].create(
            {
                "name": "Servizio fermo: 1 ora",
                "team_ids": [(6, 0, cls.team.ids)],
                "support_plan_ids": [(6, 0, cls.plan_basic.ids)],
                "impact": "service_down",
                "hours": 1,
                "stage_id": cls.stage_done.id,
                "resource_calendar_id": cls.calendar.id,
            }
        )

    def _staff_ticket(self, impact, partner=None):
        with Form(self.env["helpdesk.ticket"]) as form:
            form.name = "Il sito non risponde"
            form.description = "<p>Errore 500 su tutte le pagine.</p>"
            form.partner_id = partner or self.contact
            form.team_id = self.team
            form.impact = impact
        return form.record

    def test_service_down_comes_first_with_its_sla(self):
        down = self._staff_ticket("service_down")
        question = self._staff_ticket("question")
        self.assertEqual(down.support_plan_id, self.plan_basic)
        self.assertEqual(down.priority, "3")
        self.assertEqual(question.priority, "1")
        self.assertEqual(
            down.ticket_sla_ids.sla_id, self.service_down_sla | self.take_in_charge
        )
        self.assertEqual(question.ticket_sla_ids.sla_id, self.take_in_charge)
        # the help desk lists the service down first
        listed = self.env["helpdesk.ticket"].search(
            [("id", "in", (down | question).ids)]
        )
        self.assertEqual(listed[0], down)

    def test_staff_raise_the_impact_later(self):
        ticket = self._staff_ticket("degraded")
        self.assertEqual(ticket.priority, "2")
        with Form(ticket) as form:
            form.impact = "service_down"
        self.assertEqual(ticket.priority, "3")
        self.assertIn(self.service_down_sla, ticket.ticket_sla_ids.sla_id)

    def test_an_urgency_is_never_lowered_by_the_impact(self):
        ticket = self._staff_ticket("question")
        ticket.is_urgent = True
        ticket.impact = "degraded"
        self.assertEqual(ticket.priority, "3")

    def test_plans_without_priority_by_impact_keep_their_priority(self):
        ticket = self._staff_ticket("service_down", partner=self.other_customer)
        self.assertEqual(ticket.support_plan_id, self.plan_premium)
        self.assertEqual(ticket.impact, "service_down")
        self.assertEqual(ticket.priority, "1")
        self.assertNotIn(self.service_down_sla, ticket.ticket_sla_ids.sla_id)
