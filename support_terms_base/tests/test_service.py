from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import SupportTermsBaseCase

TODAY = date(2026, 3, 10)


@tagged("post_install", "-at_install")
class TestServiceInForce(SupportTermsBaseCase):
    """THE definition of a service in force, which plans, invoicing,
    suspensions and the customer's services all use: started, not ended,
    not canceled, not terminated, on an active sale contract; a suspended
    service is still in force (still invoiced)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        _contract, cls.line = cls._create_contract(
            cls.customer, cls.product_hosting, date(2026, 1, 1)
        )
        cls.user = new_test_user(
            cls.env,
            login="service_user",
            groups="base.group_user,support_terms_base.group_support_terms_user",
        )
        cls.manager = new_test_user(
            cls.env,
            login="service_manager",
            groups="base.group_user,support_terms_base.group_support_terms_manager",
        )

    def test_one_definition_in_the_database_and_in_memory(self):
        Line = self.env["contract.line"]
        not_in_force = {
            name: line
            for name, (_partner, line) in self._lines_not_in_force(
                self.product_hosting
            ).items()
        }
        purchase = self.env["contract.contract"].create(
            {
                "name": "Acquisto",
                "partner_id": self.customer.id,
                "contract_type": "purchase",
                "line_recurrence": True,
                "contract_line_ids": [
                    (
                        0,
                        0,
                        {
                            "product_id": self.product_hosting.id,
                            "name": "Acquisto",
                            "quantity": 1,
                            "price_unit": 10.0,
                            "recurring_rule_type": "yearly",
                            "recurring_interval": 1,
                            "date_start": date(2026, 1, 1),
                        },
                    )
                ],
            }
        )
        not_in_force["purchase contract"] = purchase.contract_line_ids
        self.line.service_state = "suspended"
        in_force = Line.search(Line._support_in_force_domain(TODAY))
        self.assertIn(self.line, in_force)
        self.assertTrue(self.line._support_in_force(TODAY))
        for name, line in not_in_force.items():
            with self.subTest(line=name):
                self.assertNotIn(line, in_force)
                self.assertFalse(line._support_in_force(TODAY))
        # a service still to come is in force with include_future
        future = not_in_force["future"]
        self.assertIn(future, Line.search(Line._support_in_force_domain(TODAY, True)))

    def test_terminated_service_is_never_invoiced_again(self):
        self.assertTrue(self.line._can_be_invoiced(TODAY))
        self.line.service_state = "suspended"
        self.assertTrue(self.line._can_be_invoiced(TODAY))
        self.line.service_state = "terminated"
        self.assertFalse(self.line._can_be_invoiced(TODAY))

    def test_only_a_manager_terminates_a_service(self):
        """Support staff read the services; suspending, reactivating or
        terminating one is a manager's decision, checked on the server."""
        with self.assertRaises(AccessError):
            self.line.with_user(self.user).action_terminate_service()
        with self.assertRaises(AccessError):
            self.line.with_user(self.user).write({"service_state": "suspended"})
        self.assertEqual(self.line.service_state, "active")
        self.line.with_user(self.manager).action_terminate_service()
        self.assertEqual(self.line.service_state, "terminated")
        # the change is logged on the contract, which is the thread
        self.assertIn(
            "Terminated",
            self.line.contract_id.message_ids[:1].body,
        )


@tagged("post_install", "-at_install")
class TestServiceStatus(SupportTermsBaseCase):
    """What staff read of a service on the company's day: an active service
    whose period is over is never shown active."""

    def test_ended_and_not_started_read_as_such_on_the_companys_day(self):
        _contract, ended = self._create_contract(
            self.customer, self.product_hosting, date(2026, 1, 1), date(2026, 12, 31)
        )
        _contract, later = self._create_contract(
            self.customer, self.product_hosting, date(2027, 1, 1)
        )
        # 31 December at 23:30 UTC is already 1 January in Rome
        with freeze_time("2026-12-31 22:30"):
            (ended | later).invalidate_recordset(["service_status"])
            self.assertEqual(ended.service_status, "active")
            self.assertEqual(later.service_status, "upcoming")
        with freeze_time("2026-12-31 23:30"):
            (ended | later).invalidate_recordset(["service_status"])
            self.assertEqual(ended.service_state, "active")
            self.assertEqual(ended.service_status, "ended")
            self.assertEqual(later.service_status, "active")
        ended.write({"service_state": "suspended"})
        with freeze_time("2026-12-15 10:00"):
            ended.invalidate_recordset(["service_status"])
            self.assertEqual(ended.service_status, "suspended")
