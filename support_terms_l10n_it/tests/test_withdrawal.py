from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo import http
from odoo.tests import Form, HttpCase, new_test_user, tagged

from .common import ItalianLawCase


@tagged("post_install", "-at_install")
class TestWithdrawal(ItalianLawCase):
    """Codice del consumo art. 52, comma 1: "il consumatore dispone di un
    periodo di quattordici giorni per recedere da un contratto a distanza
    [...] senza dover fornire alcuna motivazione"; comma 2: "il periodo di
    recesso [...] scade dopo quattordici giorni a partire: a) nel caso dei
    contratti di servizi, dal giorno della conclusione del contratto".
    Art. 54, comma 2: "Il consumatore ha esercitato il proprio diritto di
    recesso entro il periodo di recesso [...] se la comunicazione [...] è
    inviata dal consumatore prima della scadenza del periodo di recesso".
    Art. 56, comma 1: "il professionista rimborsa tutti i pagamenti
    ricevuti dal consumatore".

    A support plan (refund window of the terms: 24 hours) bought at a
    distance on 1 March 2026, 10:00 in Rome: the 14th day is 15 March.
    """

    def _bought_plan(self, partner=None):
        with freeze_time("2026-03-01 09:00:00"):
            line = self._service(
                self.plan_product, self.d(2026, 3, 1), partner or self.consumer
            )
            invoice = self._invoice(line)
        return line, invoice

    def test_withdrawal_on_day_14_is_refunded_in_full(self):
        line, invoice = self._bought_plan()
        self.assertEqual(line.withdrawal_until, self.d(2026, 3, 15))
        # 23:30 in Rome on 15 March: still the 14th day
        with freeze_time("2026-03-15 22:30:00"):
            notice = self._consumer_notice(line, datetime(2026, 3, 15, 22, 30))
            self.assertTrue(notice.channel_accepted, "any explicit statement")
            self.assertIn("art. 52", notice.legal_basis)
            notice.action_confirm()
        result = notice.result_ids
        self.assertEqual(result.outcome, "withdrawn")
        self.assertIn("art. 52", result.explanation)
        refund = notice.refund_move_ids
        self.assertEqual(refund.move_type, "out_refund")
        self.assertEqual(refund.state, "posted")
        self.assertEqual(refund.reversed_entry_id, invoice)
        self.assertEqual(refund.amount_total, invoice.amount_total)
        self.assertTrue(line.is_canceled)

    def test_withdrawal_on_day_15_follows_the_terms(self):
        line, _invoice = self._bought_plan()
        # 00:30 in Rome on 16 March: the 15th day
        with freeze_time("2026-03-15 23:30:00"):
            notice = self._consumer_notice(
                line, datetime(2026, 3, 15, 23, 30), channel="registered_mail"
            )
            self.assertFalse(notice.legal_basis)
            notice.action_confirm()
        self.assertEqual(notice.result_ids.outcome, "on_time")
        self.assertFalse(notice.refund_move_ids)
        self.assertFalse(line.is_canceled)

    def test_a_late_email_is_not_a_valid_cancellation(self):
        line, _invoice = self._bought_plan()
        with freeze_time("2026-03-16 10:00:00"):
            notice = self._consumer_notice(line, datetime(2026, 3, 16, 9, 0))
            self.assertFalse(notice.channel_accepted)
            notice.action_confirm()
        self.assertEqual(notice.state, "rejected")

    def test_contract_signed_on_the_premises_has_no_withdrawal(self):
        line, _invoice = self._bought_plan()
        with Form(line.contract_id) as form:
            form.support_sold_at_distance = False
        self.assertFalse(line.withdrawal_until)
        with freeze_time("2026-03-05 10:00:00"):
            notice = self._consumer_notice(
                line, datetime(2026, 3, 5, 9, 0), channel="registered_mail"
            )
            notice.action_confirm()
        self.assertEqual(notice.result_ids.outcome, "on_time")
        self.assertFalse(notice.refund_move_ids)

    def test_business_customer_has_no_withdrawal(self):
        line, _invoice = self._bought_plan(self.other_customer)
        self.assertFalse(line.withdrawal_until)
        with freeze_time("2026-03-05 10:00:00"):
            notice = self._consumer_notice(
                line, datetime(2026, 3, 5, 9, 0), channel="registered_mail"
            )
            notice.action_confirm()
        self.assertEqual(notice.result_ids.outcome, "on_time")
        self.assertFalse(notice.refund_move_ids)

    def test_consumer_is_told_of_the_right_with_the_contract(self):
        """Art. 49, comma 1, lettera h: "in caso di sussistenza di un diritto
        di recesso, le condizioni, i termini e le procedure per esercitare
        tale diritto"."""
        line, _invoice = self._bought_plan()
        mail = line.contract_id.message_ids.filtered(
            lambda m: "right of withdrawal" in (m.subject or "")
        )
        self.assertEqual(len(mail), 1)
        self.assertIn(self.consumer, mail.partner_ids)
        self.assertIn("within 14 days", mail.body)
        self.assertIn("03/15/2026", mail.body)
        business, _invoice = self._bought_plan(self.other_customer)
        self.assertFalse(
            business.contract_id.message_ids.filtered(
                lambda m: "right of withdrawal" in (m.subject or "")
            )
        )


@tagged("post_install", "-at_install")
class TestWithdrawalFromThePortal(HttpCase, ItalianLawCase):
    """Art. 54, comma 1: the consumer withdraws by "qualsiasi altra
    dichiarazione esplicita della sua decisione di recedere dal contratto":
    the portal shows "Withdraw" while the period runs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # bought today: the company's day, whatever the hour
        cls.line = cls._service(cls.plan_product, cls.today, cls.consumer)
        new_test_user(
            cls.env,
            login="giulia_web",
            password="giulia-web-1",
            groups="base.group_portal",
            partner_id=cls.consumer.id,
        )

    def setUp(self):
        super().setUp()
        self.authenticate("giulia_web", "giulia-web-1")

    def test_withdraw_from_the_portal(self):
        page = self.url_open("/my/services")
        self.assertEqual(page.status_code, 200)
        self.assertIn("support_withdraw", page.text)
        form = self.url_open(f"/my/services/{self.line.id}/cancel")
        self.assertIn("support_withdrawal_info", form.text)
        notices = self.env["support.cancellation.notice"]
        before = notices.search_count([])
        response = self.url_open(
            f"/my/services/{self.line.id}/cancel",
            data={"csrf_token": http.Request.csrf_token(self), "note": "Recedo"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(notices.search_count([]), before + 1)
        notice = notices.search([("partner_id", "=", self.consumer.id)])
        self.assertEqual(notice.channel, "portal")
        self.assertTrue(notice.channel_accepted, "the terms do not accept the portal")
        notice.action_confirm()
        self.assertEqual(notice.result_ids.outcome, "withdrawn")
        self.assertTrue(self.line.is_canceled)

    def test_no_withdraw_after_the_period(self):
        self.line.purchase_datetime -= timedelta(days=15)
        page = self.url_open("/my/services")
        self.assertEqual(page.status_code, 200)
        self.assertIn(f"/my/services/{self.line.id}/cancel", page.text)
        self.assertNotIn("support_withdraw", page.text)
