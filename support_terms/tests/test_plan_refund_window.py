from datetime import date, datetime, timedelta

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo import http
from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common_renewal import CancellationNoticeCase, RenewalCase


@tagged("post_install", "-at_install")
class TestSupportPlanCancellation(CancellationNoticeCase):
    """A support plan cancelled within its refund window is refunded."""

    def _bought_plan(self):
        with freeze_time("2026-03-01 09:00:00"):
            line = self._service(self.plan_product, self.d(2026, 3, 1))
            invoice = line.contract_id.recurring_create_invoice()
            invoice.action_post()
        return line, invoice

    def test_support_plan_cancelled_two_hours_after_purchase(self):
        line, invoice = self._bought_plan()
        with freeze_time("2026-03-01 11:00:00"):
            notice = self._notice(datetime(2026, 3, 1, 11, 0), lines=line)
            notice.action_confirm()
        self.assertEqual(notice.result_ids.outcome, "refunded")
        refund = notice.refund_move_ids
        self.assertEqual(len(refund), 1)
        self.assertEqual(refund.move_type, "out_refund")
        self.assertEqual(refund.state, "posted")
        self.assertEqual(refund.amount_total, invoice.amount_total)
        self.assertEqual(refund.reversed_entry_id, invoice)
        self.assertTrue(line.is_canceled)
        self.assertIn(refund.name, self._customer_mails(notice).body)

    def test_support_plan_cancelled_25_hours_after_purchase(self):
        line, _invoice = self._bought_plan()
        with freeze_time("2026-03-02 10:00:00"):
            notice = self._notice(datetime(2026, 3, 2, 10, 0), lines=line)
            notice.action_confirm()
        self.assertEqual(notice.result_ids.outcome, "on_time")
        self.assertFalse(notice.refund_move_ids)
        self.assertFalse(line.is_canceled)
        self.assertEqual(line.date_end, self.d(2027, 2, 28), "it runs its year")
        self.assertFalse(line.is_auto_renew)

    def test_plan_without_purchase_moment_is_never_refunded(self):
        """Lines older than the addon have no purchase moment, no refund window."""
        line, _invoice = self._bought_plan()
        line.purchase_datetime = False
        with freeze_time("2026-03-01 11:00:00"):
            notice = self._notice(datetime(2026, 3, 1, 11, 0), lines=line)
            notice.action_confirm()
        self.assertEqual(notice.result_ids.outcome, "on_time")
        self.assertFalse(notice.refund_move_ids)

    def test_pec_two_hours_after_purchase_confirmed_next_day_is_refunded(self):
        """The terms: "Non sono rimborsabili (se non entro max. 24h
        dall'acquisto)": the PEC reached us 2 hours after the purchase; the
        manager confirms it the next day."""
        line, invoice = self._bought_plan()
        with freeze_time("2026-03-01 11:05"):
            notice = self._notice(datetime(2026, 3, 1, 11, 0), lines=line)
        with freeze_time("2026-03-02 16:00"):
            notice.action_confirm()
        self.assertEqual(notice.result_ids.outcome, "refunded")
        self.assertEqual(notice.refund_move_ids.amount_total, invoice.amount_total)
        self.assertTrue(line.is_canceled)

    def test_two_notices_in_refund_window_make_one_credit_note(self):
        line, _invoice = self._bought_plan()
        refunds = self.env["account.move"].search_count(
            [("move_type", "=", "out_refund"), ("partner_id", "=", self.customer.id)]
        )
        with freeze_time("2026-03-01 11:00"):
            first = self._notice(datetime(2026, 3, 1, 10, 0), lines=line)
            with self.assertRaises(ValidationError):
                self._notice(
                    datetime(2026, 3, 1, 10, 30), lines=line, channel="registered_mail"
                )
            first.action_confirm()
            with self.assertRaises(ValidationError):
                self._notice(datetime(2026, 3, 1, 11, 0), lines=line)
        self.assertEqual(
            self.env["account.move"].search_count(
                [
                    ("move_type", "=", "out_refund"),
                    ("partner_id", "=", self.customer.id),
                ]
            ),
            refunds + 1,
            "one credit note",
        )
        # the database refuses a second refund of the line, whatever the code
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.env["support.cancellation.notice.result"].create(
                    {
                        "notice_id": first.id,
                        "contract_line_id": line.id,
                        "outcome": "refunded",
                    }
                )


@tagged("post_install", "-at_install")
class TestTermsTemplatesNotice(RenewalCase):
    def test_terms_templates_say_which_day_a_notice_is_judged_on(self):
        """The terms say "inviata" (sent); the other terms say nothing, so a
        notice counts when it is received."""
        companies = self.env["res.company"].create(
            [{"name": "Hosting Gold Srl"}, {"name": "WP Assistenza Srl"}]
        )
        wizard = self.env["support.terms.template.apply"]
        wizard._apply_template("hosting_gold", companies[0])
        wizard._apply_template("wp_maintenance", companies[1])
        self.assertEqual(companies[0].support_notice_judged_on, "sent")
        self.assertEqual(companies[1].support_notice_judged_on, "received")
        settings = self.env["res.config.settings"].with_company(companies[1]).create({})
        self.assertEqual(settings.support_notice_judged_on, "received")


@tagged("post_install", "-at_install")
class TestCancellationPortal(HttpCase, RenewalCase):
    """The customer asks a cancellation from "My services", over HTTP."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a hosting bought a month ago: its last day to cancel is months away
        cls.line = cls._service(cls.hosting, cls.today - timedelta(days=30))
        product = cls._create_product("Assistenza continuativa", cls.company)
        _contract, cls.endless = cls._create_contract(
            cls.customer, product, date(2025, 1, 1)
        )
        # a contact staff allowed to request cancellations
        cls.contact.support_may_cancel_services = True
        new_test_user(
            cls.env,
            login="rossi_web",
            password="rossi-web-1",
            groups="base.group_portal",
            partner_id=cls.contact.id,
        )

    def setUp(self):
        super().setUp()
        self.authenticate("rossi_web", "rossi-web-1")

    def test_portal_never_offers_cancellation_of_a_line_without_end_date(self):
        page = self.url_open("/my/services")
        self.assertEqual(page.status_code, 200)
        self.assertIn(f"/my/services/{self.line.id}/cancel", page.text)
        self.assertNotIn(f"/my/services/{self.endless.id}/cancel", page.text)
        self.assertIn("Assistenza continuativa", page.text)
        notices = self.env["support.cancellation.notice"]
        before = notices.search_count([])
        form = self.url_open(f"/my/services/{self.endless.id}/cancel")
        self.assertEqual(form.status_code, 200)
        self.assertIn("has no end date", form.text)
        self.assertNotIn("support_cancel_form", form.text)
        sent = self.url_open(
            f"/my/services/{self.endless.id}/cancel",
            data={"csrf_token": http.Request.csrf_token(self), "note": "Basta"},
        )
        self.assertEqual(sent.status_code, 200)
        self.assertIn("has no end date", sent.text)
        self.assertEqual(notices.search_count([]), before, "nothing written")

    def test_portal_second_request_is_refused_with_a_clear_message(self):
        first = self.url_open(
            f"/my/services/{self.line.id}/cancel",
            data={"csrf_token": http.Request.csrf_token(self)},
        )
        self.assertEqual(first.status_code, 200)
        notice = self.env["support.cancellation.notice"].search(
            [("contract_line_ids", "in", self.line.ids)]
        )
        self.assertEqual(len(notice), 1)
        self.assertEqual(notice.channel, "portal")
        self.assertEqual(notice.sent_date, notice.received_date)
        page = self.url_open("/my/services")
        self.assertNotIn(f"/my/services/{self.line.id}/cancel", page.text)
        # asked anyway, by the address of the form: refused, the form shown
        # again with why
        again = self.url_open(
            f"/my/services/{self.line.id}/cancel",
            data={"csrf_token": http.Request.csrf_token(self)},
        )
        self.assertEqual(again.status_code, 400)
        self.assertIn(notice.name, again.text)
        self.assertEqual(
            self.env["support.cancellation.notice"].search_count(
                [("contract_line_ids", "in", self.line.ids)]
            ),
            1,
        )
