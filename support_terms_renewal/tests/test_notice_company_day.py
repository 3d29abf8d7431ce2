from datetime import datetime

from freezegun import freeze_time

from odoo.tests import Form, new_test_user, tagged

from .common import CancellationNoticeCase


@tagged("post_install", "-at_install")
class TestNoticeOnTheCompanyDay(CancellationNoticeCase):
    """ "La disdetta deve pervenire almeno 60 giorni prima della scadenza": the
    day a notice reached the provider is the provider's day (Rome), not the
    day in UTC nor in the time zone of the staff who records it. The hosting
    ends on 14 March 2026; the last day to cancel is 13 January 2026."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # no time zone on the company's contact: the terms' one still applies
        cls.company.partner_id.tz = False
        cls.company.support_tz = "Europe/Rome"
        cls.company.support_notice_judged_on = "received"
        cls.manager = new_test_user(
            cls.env,
            login="notice_day_manager",
            groups="support_terms_base.group_support_terms_manager",
            name="Back office in London",
            tz="Europe/London",
        )

    def _record_letter(self, received):
        """Staff record a registered letter on the notice form."""
        with freeze_time(received):
            form = Form(self.env["support.cancellation.notice"].with_user(self.manager))
            form.partner_id = self.customer
            form.contract_line_ids.add(self.line)
            form.received_at = received
            form.channel = "registered_mail"
            notice = form.save()
            notice.action_confirm()
        return notice

    def test_letter_delivered_at_half_past_midnight_in_rome_is_late(self):
        """23:30 UTC on 13 January is 00:30 on the 14th in Rome: one day late,
        the service renews once."""
        notice = self._record_letter(datetime(2026, 1, 13, 23, 30))
        self.assertEqual(notice.received_date, self.d(2026, 1, 14))
        self.assertEqual(notice.result_ids.outcome, "late")
        self.assertEqual(self.line.date_end, self.d(2027, 3, 14), "renewed once")

    def test_letter_delivered_before_midnight_in_rome_is_on_time(self):
        """22:59 UTC on 13 January is 23:59 in Rome: on the last day."""
        notice = self._record_letter(datetime(2026, 1, 13, 22, 59))
        self.assertEqual(notice.received_date, self.d(2026, 1, 13))
        self.assertEqual(notice.result_ids.outcome, "on_time")
        self.assertEqual(self.line.date_end, self.d(2026, 3, 14), "not renewed")


@tagged("post_install", "-at_install")
class TestNoticeInTheCustomersLanguage(CancellationNoticeCase):
    """The outcome of a notice is told to the customer in its language and
    date format, whatever the language of the staff who decided it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("it_IT")
        cls.env["ir.module.module"]._load_module_terms(
            ["support_terms_renewal"], ["it_IT"]
        )
        cls.customer.lang = "en_US"
        cls.manager = new_test_user(
            cls.env,
            login="notice_lang_manager",
            groups="support_terms_base.group_support_terms_manager",
            name="Ufficio amministrazione",
            lang="it_IT",
        )

    def _confirm_as_italian_staff(self, notice):
        notice.with_user(self.manager).with_context(lang="it_IT").action_confirm()
        return self._customer_mails(notice)

    def test_outcome_mailed_in_english_with_english_dates(self):
        with freeze_time("2026-01-10 10:00"):
            notice = self._notice(datetime(2026, 1, 10, 10, 0))
            mail = self._confirm_as_italian_staff(notice)
        self.assertEqual(len(mail), 1)
        self.assertIn(
            "on 01/10/2026, by the last day to cancel (01/13/2026): the "
            "service ends on 03/14/2026 and is not renewed.",
            mail.body,
        )
        self.assertNotIn("2026-03-14", mail.body)
        self.assertNotIn("rinnovato", mail.body)
        # the staff read it in Italian, with Italian dates
        italian = notice.result_ids.with_context(lang="it_IT").explanation
        self.assertIn("non viene rinnovato", italian)
        self.assertIn("14/03/2026", italian)

    def test_rejection_reason_mailed_in_english(self):
        with freeze_time("2026-01-05 10:00"):
            notice = self._notice(datetime(2026, 1, 5, 10, 0), channel="email")
            mail = self._confirm_as_italian_staff(notice)
        self.assertEqual(notice.state, "rejected")
        self.assertIn(
            "The notice arrived by Email; the terms accept a cancellation only "
            "by: Registered mail or PEC.",
            mail.body,
        )
        self.assertIn(
            "La disdetta è arrivata tramite",
            notice.with_context(lang="it_IT").rejection_reason,
        )
