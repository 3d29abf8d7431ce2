from freezegun import freeze_time

from odoo.tests import tagged

from .common import RenewalCase


@tagged("post_install", "-at_install")
class TestRenewalRemindersOnlyWhenTurnedOn(RenewalCase):
    """The terms renew the services "tacitamente, in automatico, di anno in
    anno" unless cancelled "almeno 60 giorni prima della scadenza": they
    promise no reminder, so the customer is reminded only when the company
    turns the reminders on."""

    def setUp(self):
        super().setUp()
        # as the install leaves a company
        self.company.support_renewal_reminders = (
            self.env["res.company"]
            .default_get(["support_renewal_reminders"])
            .get("support_renewal_reminders", False)
        )

    def mails(self, line):
        return self.env["mail.mail"].search(
            [
                ("model", "=", "support.renewal.reminder"),
                ("res_id", "in", line.renewal_reminder_ids.ids),
            ]
        )

    def test_nobody_is_reminded_until_the_company_turns_reminders_on(self):
        self.assertFalse(self.company.support_renewal_reminders)
        line = self._service(self.hosting, self.d(2025, 3, 15))
        notes_before = len(line.contract_id.message_ids)
        # reminder day 14 December 2025; the action runs twice a day, for days
        for day in ("2025-12-14", "2025-12-14", "2025-12-20"):
            with freeze_time(day):
                self.run_renewal()
        self.assertFalse(line.renewal_reminder_ids)
        self.assertFalse(self.mails(line))
        self.assertEqual(len(line.contract_id.message_ids), notes_before)
        # the company turns them on in Settings: the reminder still worth
        # sending (the last day to cancel, 13 January, is ahead) goes out
        with freeze_time("2025-12-21"):
            self.env["res.config.settings"].create(
                {"support_renewal_reminders": True}
            ).execute()
            self.run_renewal()
            self.run_renewal()
        self.assertEqual(len(self.mails(line)), 1)
