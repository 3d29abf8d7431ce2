from freezegun import freeze_time

from odoo import Command
from odoo.tests import tagged

from .common_renewal import RenewalCase


@tagged("post_install", "-at_install")
class TestSupportPlanRenewal(RenewalCase):
    """A support plan sold as a service: its period and its reminders are
    the plan's."""

    def reminders_sent(self, line):
        """The reminder emails queued for the customer."""
        return self.env["mail.mail"].search(
            [
                ("model", "=", "support.renewal.reminder"),
                ("res_id", "in", line.renewal_reminder_ids.ids),
                ("recipient_ids", "in", self.customer.ids),
            ]
        )

    def test_plan_and_credits_bought_the_same_day_end_the_same_day(self):
        """The terms: "I Piani di manutenzione acquistati durano un anno (365
        giorni dalla data di acquisto)": bought on 15 March 2023, across 29
        February 2024, both the plan and credits bought with it end on
        13 March 2024, the 365th day."""
        line = self._service(self.plan_product, self.d(2023, 3, 15))
        self.assertEqual(line.date_end, self.d(2024, 3, 13))
        pack = self._create_product("Pacchetto 10 crediti", self.company)
        pack.product_tmpl_id.write(
            {
                "service_kind": "credit_pack",
                "support_credits": 10,
                "support_credit_validity_days": 365,
            }
        )
        with freeze_time("2023-03-15 10:00"):
            invoice = self.env["account.move"].create(
                {
                    "move_type": "out_invoice",
                    "partner_id": self.customer.id,
                    "invoice_date": self.d(2023, 3, 15),
                    "invoice_line_ids": [
                        Command.create({"product_id": pack.id, "price_unit": 50.0})
                    ],
                }
            )
            invoice.action_post()
            self.env["account.payment.register"].with_context(
                active_model="account.move", active_ids=invoice.ids
            ).create({"payment_date": self.d(2023, 3, 15)})._create_payments()
        grant = self.env["support.credit.move"].search(
            [("partner_id", "=", self.customer.id), ("move_type", "=", "grant")]
        )
        self.assertEqual(grant.expiry_date, line.date_end)
        # the renewed period lasts 365 days too
        with freeze_time("2024-01-14"):
            self.run_renewal()
        self.assertEqual(line.date_end, self.d(2025, 3, 13))

    def test_support_plan_reminded_before_its_end(self):
        """The terms: the customer is contacted a month before the plan expires."""
        line = self._service(self.plan_product, self.d(2025, 3, 15))
        with freeze_time("2025-12-14"):
            self.run_renewal()
        line.is_auto_renew = False  # cancelled on time: no more renewal
        with freeze_time("2026-02-12"):
            self.run_renewal()
            self.run_renewal()
        kinds = line.renewal_reminder_ids.mapped("kind")
        self.assertEqual(sorted(kinds), ["end", "notice"])
        mails = self.reminders_sent(line)
        self.assertEqual(len(mails), 2)
        self.assertIn(
            "your support plan ends on 03/14/2026", "\n".join(mails.mapped("subject"))
        )

    def test_late_cron_skips_a_reminder_whose_day_passed(self):
        """A plan reminder owed before an end already past is not emailed."""
        line = self._service(self.plan_product, self.d(2025, 3, 15))
        line.is_auto_renew = False
        self.assertEqual(line.renewal_reminder_date, self.d(2026, 2, 12))
        # the action did not run between the reminder day and the end
        with freeze_time("2026-03-20"):
            self.run_renewal()
            self.run_renewal()
        self.assertEqual(line.renewal_reminder_ids.mapped("state"), ["skipped"])
        self.assertFalse(line.renewal_reminder_date)
        self.assertFalse(self.reminders_sent(line))
