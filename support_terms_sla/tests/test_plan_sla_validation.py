from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import SlaCase


@tagged("post_install", "-at_install")
class TestSupportPlanSlaValidation(SlaCase):
    """Bad support hours and targets of a plan are refused with a clear
    message; nothing is written."""

    def test_negative_target(self):
        self._assert_refused("cannot be negative", take_in_charge_hours=-4)

    def test_absurd_target(self):
        self._assert_refused("is not a target", urgent_take_in_charge_hours=5000)
        # a month of round-the-clock hours is the most a target may say
        self._assert_refused("is not a target", take_in_charge_hours=24 * 31 + 1)
        plan = self.env["support.plan"].create(
            {
                "name": "Slow",
                "code": "SLOW",
                "take_in_charge_hours": 24 * 31,
                "urgent_take_in_charge_hours": 24 * 31,
            }
        )
        self.assertEqual(plan.take_in_charge_hours, 24 * 31)

    def test_calendar_without_working_hours(self):
        empty = self.env["resource.calendar"].create(
            {"name": "Nothing", "attendance_ids": [(5, 0, 0)]}
        )
        self._assert_refused("has no working hours", resource_calendar_id=empty.id)
        self._assert_refused("has no working hours", urgent_calendar_id=empty.id)

    def test_calendar_emptied_later(self):
        with self.assertRaises(ValidationError) as caught:
            self.plan_basic.write({"resource_calendar_id": self._empty_calendar().id})
        self.assertIn("has no working hours", str(caught.exception))
        self.assertEqual(self.plan_basic.resource_calendar_id, self.calendar)

    def _empty_calendar(self):
        return self.env["resource.calendar"].create(
            {"name": "Flexible", "flexible_hours": True}
        )

    def test_write_is_refused_whole(self):
        with self.assertRaises(ValidationError):
            self.plan_basic.write({"take_in_charge_hours": -1, "name": "Renamed"})
        self.assertEqual(self.plan_basic.name, "BASIC plan")
        self.assertEqual(self.plan_basic.take_in_charge_hours, 4.0)
