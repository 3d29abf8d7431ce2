from datetime import date, timedelta

from freezegun import freeze_time

from odoo import fields, http
from odoo.tests import HttpCase, new_test_user, tagged

from .common_renewal import RenewalCase


class WpMaintenanceCase(RenewalCase):
    """The provider of seed 002 (template wp_maintenance) sells a maintenance
    plan product that staff linked to the BASIC plan without giving it a
    kind."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        wizard = cls.env["support.terms.template.apply"]
        plans = wizard._apply_template("wp_maintenance", cls.company)
        cls.plan_wp = plans.filtered(lambda plan: plan.code == "BASIC")
        cls.wp_product = cls._create_product("Manutenzione WordPress", cls.company)
        cls.wp_product.product_tmpl_id.renewal_policy = "anniversary"
        cls.plan_wp.product_ids |= cls.wp_product

    def _bought_two_hours_ago(self):
        line = self._service(self.wp_product, fields.Date.context_today(self.plan_wp))
        invoice = line.contract_id.recurring_create_invoice()
        invoice.action_post()
        line.purchase_datetime = fields.Datetime.now() - timedelta(hours=2)
        return line, invoice

    def _assert_refunded(self, notice, line, invoice):
        self.assertEqual(notice.state, "confirmed")
        self.assertEqual(notice.result_ids.outcome, "refunded")
        self.assertEqual(notice.refund_move_ids.amount_total, invoice.amount_total)
        self.assertEqual(notice.refund_move_ids.reversed_entry_id, invoice)
        self.assertTrue(line.is_canceled)


@tagged("post_install", "-at_install")
class TestPlanGrantedByProduct(WpMaintenanceCase):
    def test_product_granting_a_plan_is_a_support_plan(self):
        self.assertEqual(self.wp_product.service_kind, "support_plan")
        self.assertEqual(
            self.wp_product._support_granted_plan(self.company), self.plan_wp
        )

    def test_its_period_is_the_plans_365_days(self):
        """The terms: "I Piani di manutenzione acquistati durano un anno (365
        giorni dalla data di acquisto)": across 29 February too."""
        line = self._service(self.wp_product, date(2023, 3, 15))
        self.assertEqual(line.date_end, date(2024, 3, 13))

    def test_pec_two_hours_after_purchase_is_refunded(self):
        """The plan's 24-hour refund window, though nobody gave the product
        the support plan kind."""
        line, invoice = self._bought_two_hours_ago()
        notice = self.env["support.cancellation.notice"].create(
            {
                "partner_id": self.contact.id,
                "contract_line_ids": [(6, 0, line.ids)],
                "received_at": fields.Datetime.now(),
                "channel": "pec",
            }
        )
        notice.action_confirm()
        self._assert_refunded(notice, line, invoice)

    def test_refund_request_by_email_two_hours_after_purchase(self):
        """The terms: "Non sono rimborsabili (se non entro max. 24h
        dall'acquisto)": the customer, who gets support by email, asks for
        the refund by email two hours after buying."""
        self.assertIn("email", self.company._support_notice_channels())
        line, invoice = self._bought_two_hours_ago()
        notice = self.env["support.cancellation.notice"].create(
            {
                "partner_id": self.contact.id,
                "contract_line_ids": [(6, 0, line.ids)],
                "received_at": fields.Datetime.now(),
                "channel": "email",
            }
        )
        notice.action_confirm()
        self._assert_refunded(notice, line, invoice)


@tagged("post_install", "-at_install")
class TestPlanRefundFromThePortal(HttpCase, WpMaintenanceCase):
    def test_refund_request_from_the_portal_two_hours_after_purchase(self):
        """The same request sent from "My services"."""
        new_test_user(
            self.env,
            login="rossi_wp",
            password="rossi-wp-1",
            groups="base.group_portal",
            partner_id=self.customer.id,
        )
        line, invoice = self._bought_two_hours_ago()
        self.authenticate("rossi_wp", "rossi-wp-1")
        sent = self.url_open(
            f"/my/services/{line.id}/cancel",
            data={"csrf_token": http.Request.csrf_token(self)},
        )
        self.assertEqual(sent.status_code, 200)
        notice = self.env["support.cancellation.notice"].search(
            [("contract_line_ids", "in", line.ids)]
        )
        self.assertEqual(notice.channel, "portal")
        notice.action_confirm()
        self._assert_refunded(notice, line, invoice)


@tagged("post_install", "-at_install")
class TestPlanReminderAfterRenewal(RenewalCase):
    """The terms: plans "vanno rinnovati di anno in anno (verrai contattato
    dal nostro staff un mese prima della scadenza)". A plan bought on
    15 March 2025 ends on 14 March 2026; with 60 days' notice it renews on
    14 January 2026, the day after its last day to cancel; the customer is
    still told a month before the end of that period, on 12 February."""

    def _mails(self, lines):
        return self.env["mail.mail"].search(
            [
                ("model", "=", "support.renewal.reminder"),
                ("res_id", "in", lines.renewal_reminder_ids.ids),
                ("recipient_ids", "in", self.customer.ids),
            ]
        )

    def _run_the_year(self, line):
        sent_by_day = {}
        for day in (
            "2025-12-14",
            "2026-01-14",
            "2026-02-11",
            "2026-02-12",
            "2026-03-14",
        ):
            with freeze_time(day):
                self.run_renewal()
                self.run_renewal()
            lines = line | line.successor_contract_line_id
            sent_by_day[day] = self._mails(lines).mapped("subject")
        return sent_by_day

    def _assert_told_once_a_month_before_the_end(self, sent_by_day):
        self.assertEqual(len(sent_by_day["2025-12-14"]), 1, "last day to cancel")
        self.assertIn("renewal on 03/15/2026", sent_by_day["2025-12-14"][0])
        self.assertEqual(sent_by_day["2026-02-11"], sent_by_day["2025-12-14"])
        end_mails = set(sent_by_day["2026-02-12"]) - set(sent_by_day["2026-02-11"])
        self.assertEqual(len(end_mails), 1, "a month before the end, once")
        subject = end_mails.pop()
        self.assertIn("your support plan renews on 03/15/2026", subject)
        self.assertNotIn("ends", subject)
        self.assertEqual(sent_by_day["2026-03-14"], sent_by_day["2026-02-12"])

    def test_renewed_plan_still_told_a_month_before_the_end(self):
        line = self._service(self.plan_product, self.d(2025, 3, 15))
        sent_by_day = self._run_the_year(line)
        self.assertEqual(line.date_end, self.d(2027, 3, 14))
        self._assert_told_once_a_month_before_the_end(sent_by_day)
        # the next period is announced in its own time
        self.assertEqual(line.renewal_reminder_date, self.d(2026, 12, 14))

    def test_renewed_by_a_new_line_the_old_one_is_never_told_it_ends(self):
        self.company.create_new_line_at_contract_line_renew = True
        line = self._service(self.plan_product, self.d(2025, 3, 15))
        sent_by_day = self._run_the_year(line)
        successor = line.successor_contract_line_id
        self.assertEqual(successor.date_end, self.d(2027, 3, 14))
        self._assert_told_once_a_month_before_the_end(sent_by_day)
        self.assertEqual(line.renewal_reminder_ids.mapped("kind"), ["notice"])
        self.assertEqual(successor.renewal_reminder_ids.mapped("kind"), ["end"])
        self.assertEqual(successor.renewal_reminder_ids.period_end, self.d(2026, 3, 14))

    def test_plan_not_renewing_is_told_it_ends(self):
        line = self._service(self.plan_product, self.d(2025, 3, 15))
        line.is_auto_renew = False
        with freeze_time("2026-02-12"):
            self.run_renewal()
            self.run_renewal()
        self.assertEqual(
            self._mails(line).mapped("subject"),
            ["Piano di assistenza: your support plan ends on 03/14/2026"],
        )


@tagged("post_install", "-at_install")
class TestTemplatesNoticeTerms(RenewalCase):
    """Each template gives its products the notice its terms name."""

    def _apply(self, template):
        company = self.env["res.company"].create({"name": f"Provider {template}"})
        self.env["support.terms.template.apply"]._apply_template(template, company)
        products = self.env["product.product"].search([("company_id", "=", company.id)])
        return company, products

    def test_seed_000_sixty_days_by_registered_mail(self):
        """ "L'eventuale disdetta ... dovrà essere inviata via Raccomandata a/r
        almeno 60 giorni prima della scadenza"."""
        company, products = self._apply("hosting_gold")
        renewing = products.filtered("renewal_policy")
        self.assertEqual(set(renewing.mapped("notice_days")), {60})
        self.assertNotIn("email", company._support_notice_channels())
        self.assertNotIn("portal", company._support_notice_channels())

    def test_seed_002_refund_request_by_email_or_portal_no_notice_period(self):
        """ "Non sono rimborsabili (se non entro max. 24h dall'acquisto)": the
        request comes by email or from the portal; the terms name no notice
        period."""
        company, products = self._apply("wp_maintenance")
        self.assertIn("email", company._support_notice_channels())
        self.assertIn("portal", company._support_notice_channels())
        plans = products.filtered(lambda p: p.service_kind == "support_plan")
        self.assertEqual(len(plans), 2)
        self.assertEqual(set(plans.mapped("renewal_policy")), {"anniversary"})
        self.assertEqual(set(plans.mapped("notice_days")), {0})

    def test_seed_003_hosting_granting_a_plan_is_a_support_plan(self):
        """A hosting plan that includes support: the plan's 365 days."""
        _company, products = self._apply("hosting_credits")
        hosting = products.filtered(lambda p: p.support_plan_ids)
        self.assertTrue(hosting)
        self.assertEqual(set(hosting.mapped("service_kind")), {"support_plan"})
        self.assertEqual(set(hosting.mapped("renewal_policy")), {"anniversary"})
