from contextlib import contextmanager

from freezegun import freeze_time

from odoo import Command

from odoo.addons.support_terms_plan.tests.common import SupportPlanCase


class SlaCase(SupportPlanCase):
    """The plan case, with support hours (Mon-Fri 15-18 in Rome) and a
    take-in-charge target of 4 working hours for each plan."""

    @classmethod
    def _create_products(cls):
        cls.calendar = cls._create_calendar("Mon-Fri 15-18", cls.company)
        return super()._create_products()

    @classmethod
    def _create_calendar(cls, name, company, hours=((0, 1, 2, 3, 4), 15.0, 18.0)):
        days, hour_from, hour_to = hours
        return cls.env["resource.calendar"].create(
            {
                "name": name,
                "company_id": company.id,
                "tz": "Europe/Rome",
                "attendance_ids": [(5, 0, 0)]
                + [
                    Command.create(
                        {
                            "name": f"day {day}",
                            "dayofweek": str(day),
                            "hour_from": hour_from,
                            "hour_to": hour_to,
                            "day_period": "afternoon",
                        }
                    )
                    for day in days
                ],
            }
        )

    @classmethod
    def _create_plan(
        cls, code, products, sequence=10, company=None, calendar=None, **values
    ):
        values.setdefault("take_in_charge_hours", 4.0)
        return super()._create_plan(
            code,
            products,
            sequence=sequence,
            company=company,
            resource_calendar_id=(calendar or cls.calendar).id,
            **values,
        )


class PlanSlaCase(SlaCase):
    """A team with SLAs for the BASIC and PREMIUM plans."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.always = cls._create_calendar(
            "H24", cls.company, hours=((0, 1, 2, 3, 4, 5, 6), 0.0, 24.0)
        )
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {"name": "Assistenza SLA", "use_sla": True}
        )
        cls.stage_done = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        sla_model = cls.env["helpdesk.sla"]
        cls.take_in_charge = sla_model.create(
            {
                "name": "Presa in carico 4 ore",
                "team_ids": [(6, 0, cls.team.ids)],
                "support_plan_ids": [(6, 0, cls.plan_basic.ids)],
                "urgency": "normal",
                "hours": 4,
                "stage_id": cls.stage_done.id,
                "resource_calendar_id": cls.calendar.id,
            }
        )
        cls.urgent_always = sla_model.create(
            {
                "name": "Urgenze H24",
                "team_ids": [(6, 0, cls.team.ids)],
                "support_plan_ids": [(6, 0, cls.plan_premium.ids)],
                "urgency": "urgent",
                "hours": 2,
                "stage_id": cls.stage_done.id,
                "resource_calendar_id": cls.always.id,
            }
        )
        cls.urgent_office = sla_model.create(
            {
                "name": "Urgenze in orario",
                "team_ids": [(6, 0, cls.team.ids)],
                "support_plan_ids": [(6, 0, cls.plan_basic.ids)],
                "urgency": "urgent",
                "hours": 2,
                "stage_id": cls.stage_done.id,
                "resource_calendar_id": cls.calendar.id,
            }
        )
        cls._create_contract(cls.customer, cls.product_basic, "2026-01-01")
        cls._create_contract(cls.other_customer, cls.product_premium, "2026-01-01")

    @contextmanager
    def at(self, moment):
        with freeze_time(moment):
            yield

    def _arrived_at(self, ticket, moment):
        """Stamp the arrival time: PostgreSQL's now() ignores frozen time."""
        self.env.cr.execute(
            "UPDATE helpdesk_ticket SET create_date = %s WHERE id = %s",
            (moment, ticket.id),
        )
        ticket.invalidate_recordset(["create_date"])
        with self.at(moment):
            ticket.set_sla()

    def _ticket(self, moment, partner=None, urgent=False):
        with self.at(moment):
            ticket = self.env["helpdesk.ticket"].create(
                {
                    "name": "Sito lento",
                    "description": "<p>?</p>",
                    "partner_id": (partner or self.contact).id,
                    "team_id": self.team.id,
                    "is_urgent": urgent,
                    "urgency_source": "staff" if urgent else False,
                }
            )
        self._arrived_at(ticket, moment)
        return ticket

    def _deadline(self, ticket, sla):
        line = ticket.ticket_sla_ids.filtered(lambda s: s.sla_id == sla)
        self.assertEqual(len(line), 1, f"{sla.name} applies once")
        return line.deadline
