from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import RenewalCase


@tagged("post_install", "-at_install")
class TestTacitRenewal(RenewalCase):
    def test_anniversary_renewal_from_registration(self):
        """Hosting registered on 15 March renews every 15 March."""
        line = self._service(self.hosting, self.d(2025, 3, 15))
        self.assertEqual(line.date_end, self.d(2026, 3, 14))
        self.assertEqual(line.renewal_policy, "anniversary")
        self.assertEqual(line.notice_days, 60)
        # the last day to cancel is 60 days before the expiry
        self.assertEqual(line.notice_deadline, self.d(2026, 1, 13))
        self.assertEqual(line.termination_notice_date, self.d(2026, 1, 13))
        with freeze_time("2026-01-13 10:00"):
            self.run_renewal()
        self.assertEqual(line.date_end, self.d(2026, 3, 14), "still time to cancel")
        with freeze_time("2026-01-14 10:00"):
            self.run_renewal()
            self.run_renewal()
        self.assertEqual(line.date_end, self.d(2027, 3, 14), "renewed once")
        self.assertEqual(line.previous_period_end, self.d(2026, 3, 14))
        self.assertEqual(line.notice_deadline, self.d(2027, 1, 13))
        self.assertIn("renewed", "\n".join(line.contract_id.message_ids.mapped("body")))

    def test_calendar_year_showcase(self):
        """A showcase started on 10 June ends on 31 December and renews to the next."""
        line = self._service(self.showcase, self.d(2026, 6, 10))
        self.assertEqual(line.date_end, self.d(2026, 12, 31))
        self.assertEqual(line.notice_deadline, self.d(2026, 11, 1))
        with freeze_time("2026-11-02"):
            self.run_renewal()
        self.assertEqual(line.date_end, self.d(2027, 12, 31))
        self.assertEqual(line.notice_deadline, self.d(2027, 11, 1))
        with freeze_time("2027-11-02"):
            self.run_renewal()
        self.assertEqual(line.date_end, self.d(2028, 12, 31))

    def test_started_on_29_february(self):
        line = self._service(self.hosting, self.d(2024, 2, 29))
        self.assertEqual(line.date_end, self.d(2025, 2, 28))
        with freeze_time("2024-12-31"):
            self.run_renewal()
        # a year from 1 March 2025
        self.assertEqual(line.date_end, self.d(2026, 2, 28))

    def test_renewal_as_a_new_line(self):
        """With OCA's 'new line at renewal', the successor follows the policy too."""
        self.company.create_new_line_at_contract_line_renew = True
        line = self._service(self.showcase, self.d(2026, 6, 10))
        with freeze_time("2026-11-02"):
            self.run_renewal()
        successor = line.successor_contract_line_id
        self.assertTrue(successor)
        self.assertFalse(line.is_auto_renew)
        self.assertEqual(
            (successor.date_start, successor.date_end),
            (self.d(2027, 1, 1), self.d(2027, 12, 31)),
        )
        self.assertEqual(successor.previous_period_end, self.d(2026, 12, 31))
        self.assertEqual(successor.purchase_datetime, line.purchase_datetime)

    def test_lines_without_policy_keep_oca_notice(self):
        product = self._create_product("Manutenzione", self.company)
        contract, line = self._create_contract(
            self.customer, product, self.d(2026, 1, 1), self.d(2026, 12, 31)
        )
        line.write(
            {
                "is_auto_renew": True,
                "auto_renew_rule_type": "yearly",
                "auto_renew_interval": 1,
                "termination_notice_interval": 1,
                "termination_notice_rule_type": "monthly",
            }
        )
        self.assertFalse(line.renewal_policy)
        self.assertEqual(line.notice_deadline, self.d(2026, 11, 30))
        with freeze_time("2026-11-30"):
            self.run_renewal()
        self.assertEqual(line.date_end, self.d(2027, 12, 31), "OCA's own rule")

    def test_bad_input(self):
        line = self._service(self.hosting, self.d(2026, 3, 15))
        with self.assertRaises(ValidationError) as caught:
            line.notice_days = -5
        self.assertIn("cannot be negative", str(caught.exception))
        self.assertEqual(line.notice_days, 60)
        with self.assertRaises(ValidationError) as caught:
            self.hosting.product_tmpl_id.notice_days = -1
        self.assertIn("cannot be negative", str(caught.exception))
        with self.assertRaises(ValidationError) as caught:
            line.write({"is_auto_renew": False, "date_end": False})
        self.assertIn("give it an end date", str(caught.exception))
        self.assertEqual(line.date_end, self.d(2027, 3, 14))

    def test_calendar_year_service_sold_in_december_runs_to_next_31_december(self):
        """The terms: showcases renew "di anno in anno al 31.12 salvo disdetta
        ... almeno 60 giorni prima della scadenza". Sold on 10 December, the
        last day to cancel of the first 31 December (1 November) is already
        past: the first period runs to the next 31 December, so the customer
        gets a period it can cancel in time."""
        line = self._service(self.showcase, self.d(2026, 12, 10))
        self.assertEqual(line.date_end, self.d(2027, 12, 31))
        self.assertEqual(line.notice_deadline, self.d(2027, 11, 1))
        for day in ("2026-12-10", "2026-12-31", "2027-01-02"):
            with freeze_time(day):
                self.run_renewal()
                self.run_renewal()
        self.assertEqual(line.date_end, self.d(2027, 12, 31), "no renewal yet")
        with freeze_time("2027-11-02"):
            self.run_renewal()
        self.assertEqual(line.date_end, self.d(2028, 12, 31))

    def test_calendar_year_service_sold_in_december_in_the_contract_form(self):
        """Staff add the showcase to a contract on 10 December: the form
        proposes the end of the first period the same way."""
        contract = self.env["contract.contract"].create(
            {"name": "Vetrina Rossi", "partner_id": self.customer.id}
        )
        with Form(contract) as form, form.contract_line_ids.new() as line_form:
            line_form.product_id = self.showcase
            line_form.date_start = self.d(2026, 12, 10)
            self.assertEqual(line_form.date_end, self.d(2027, 12, 31))
        line = contract.contract_line_ids
        self.assertEqual(line.notice_deadline, self.d(2027, 11, 1))

    def test_calendar_year_service_sold_by_its_last_day_to_cancel_ends_this_year(self):
        """Sold on 1 November, the customer can still cancel that day."""
        line = self._service(self.showcase, self.d(2026, 11, 1))
        self.assertEqual(line.date_end, self.d(2026, 12, 31))
        self.assertEqual(line.notice_deadline, self.d(2026, 11, 1))


@tagged("post_install", "-at_install")
class TestRenewalReminders(RenewalCase):
    def reminders_sent(self, line):
        """The reminder emails queued for the customer."""
        return self.env["mail.mail"].search(
            [
                ("model", "=", "support.renewal.reminder"),
                ("res_id", "in", line.renewal_reminder_ids.ids),
                ("recipient_ids", "in", self.customer.ids),
            ]
        )

    def contract_activities(self, line):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "contract.contract"),
                ("res_id", "=", line.contract_id.id),
            ]
        )

    def chatter_notes(self, line):
        return self.env["mail.message"].search(
            [
                ("model", "=", "contract.contract"),
                ("res_id", "=", line.contract_id.id),
                ("body", "ilike", "Renewal reminder emailed"),
            ]
        )

    def test_reminder_once_although_the_action_runs_daily(self):
        line = self._service(self.hosting, self.d(2025, 3, 15))
        # deadline 13 January 2026: reminder 30 days before, on 14 December
        self.assertEqual(line.renewal_reminder_date, self.d(2025, 12, 14))
        for day in ("2025-12-13", "2025-12-14", "2025-12-15", "2025-12-20"):
            with freeze_time(day):
                self.run_renewal()
        mail = self.reminders_sent(line)
        self.assertEqual(len(mail), 1, "the customer gets one email, queued")
        self.assertEqual(mail.state, "outgoing")
        self.assertIn("01/13/2026", mail.body_html)  # the last day to cancel
        self.assertIn("registered mail", mail.body_html.lower())
        self.assertIn("renewal on 03/15/2026", mail.subject)
        self.assertEqual(len(line.renewal_reminder_ids), 1)
        self.assertFalse(line.renewal_reminder_date)
        note = self.chatter_notes(line)
        self.assertEqual(len(note), 1, "the reminder shows in the contract's chatter")
        self.assertIn("last day to cancel 01/13/2026", note.body)
        # the next period gets its own reminder
        with freeze_time("2026-01-14"):
            self.run_renewal()
        self.assertEqual(line.renewal_reminder_date, self.d(2026, 12, 14))
        with freeze_time("2026-12-14"):
            self.run_renewal()
        self.assertEqual(len(self.reminders_sent(line)), 2)

    def test_reminder_in_the_customer_language(self):
        self.env["res.lang"]._activate_lang("it_IT")
        self.env["ir.module.module"]._load_module_terms(
            ["support_terms_renewal"], ["it_IT"]
        )
        self.customer.lang = "it_IT"
        line = self._service(self.hosting, self.d(2025, 3, 15))
        with freeze_time("2025-12-14"):
            self.run_renewal()
        mail = self.reminders_sent(line)
        self.assertIn("rinnovo", mail.subject.lower())
        self.assertIn("raccomandata", mail.body_html.lower())
        self.assertIn("si rinnova tacitamente", mail.body_html)

    def test_multiline_service_name_gives_a_one_line_subject(self):
        """OCA line names are multi-line: the reminder's subject must stay a
        valid header, and the reminder is sent once, run twice."""
        line = self._service(self.hosting, self.d(2025, 3, 15))
        line.name = "Hosting annuale\nDominio: rossi.example\r\nPiano: base"
        with freeze_time("2025-12-14"):
            self.run_renewal()
            self.run_renewal()
        mail = self.reminders_sent(line)
        self.assertEqual(len(mail), 1)
        self.assertNotIn("\n", mail.subject)
        self.assertNotIn("\r", mail.subject)
        self.assertTrue(
            mail.subject.startswith(
                "Hosting annuale Dominio: rossi.example Piano: base: renewal on"
            ),
            mail.subject,
        )
        self.assertEqual(line.renewal_reminder_ids.state, "sent")
        self.assertEqual(line.renewal_reminder_ids.mail_id, mail)

    def test_customer_without_email_reminder_is_not_delivered_and_staff_told(self):
        """A reminder is the provider's evidence of a tacit renewal: without
        an address to write to, it is not "sent"; the contract's responsible
        gets an activity, once although the action runs twice."""
        self.customer.email = False
        line = self._service(self.hosting, self.d(2025, 3, 15))
        responsible = new_test_user(
            self.env,
            login="resp_contratti",
            groups="support_terms_base.group_support_terms_user",
        )
        line.contract_id.user_id = responsible
        with freeze_time("2025-12-14"):
            self.run_renewal()
            self.run_renewal()
        reminder = line.renewal_reminder_ids
        self.assertEqual(len(reminder), 1)
        self.assertEqual(reminder.state, "failed")
        self.assertIn("no valid email address", reminder.failure_reason)
        self.assertFalse(
            self.env["mail.mail"].search(
                [
                    ("model", "=", "support.renewal.reminder"),
                    ("res_id", "=", reminder.id),
                ]
            ),
            "no email that cannot be delivered",
        )
        self.assertFalse(self.chatter_notes(line), "the chatter does not say emailed")
        activity = self.contract_activities(line)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, responsible)
        self.assertIn("not delivered", activity.summary)
        self.assertFalse(line.renewal_reminder_date, "not retried every day")

    def test_reminder_without_responsible_goes_to_the_support_managers(self):
        self.customer.email = "non-un-indirizzo"
        line = self._service(self.hosting, self.d(2025, 3, 15))
        line.contract_id.user_id = False
        manager = new_test_user(
            self.env,
            login="manager_rinnovi",
            groups="support_terms_base.group_support_terms_manager",
        )
        with freeze_time("2025-12-14"):
            self.run_renewal()
        self.assertEqual(line.renewal_reminder_ids.state, "failed")
        activities = self.contract_activities(line)
        self.assertIn(manager, activities.user_id)


@tagged("post_install", "-at_install")
class TestRenewalRestart(RenewalCase):
    def _due_lines(self):
        customers = self.customer | self.other_customer
        lines = self.env["contract.line"]
        for index in range(5):
            lines |= self._service(
                self.hosting, self.d(2025, 3, 15), partner=customers[index % 2]
            )
        self.env["ir.config_parameter"].sudo().set_param(
            "support_terms.renewal_batch_size", 2
        )
        return lines

    def _state(self, lines):
        lines.invalidate_recordset()
        return {
            line.id: (line.date_end, len(line.renewal_reminder_ids)) for line in lines
        }

    def test_renewal_killed_halfway_and_run_again(self):
        lines = self._due_lines()
        with freeze_time("2026-01-14"):
            with self.env.cr.savepoint() as clean_run:
                self.run_renewal()
                expected = self._state(lines)
                clean_run.rollback()
            self.env.invalidate_all()
            self.assertEqual(set(lines.mapped("date_end")), {self.d(2026, 3, 14)})

            self.run_killed(self.run_renewal, "contract.line", "_renew_due")
            self.assertEqual(
                len(lines.filtered(lambda ln: ln.date_end == self.d(2027, 3, 14))), 2
            )
            self.run_renewal()
        self.assertEqual(self._state(lines), expected)
        self.assertEqual(set(lines.mapped("date_end")), {self.d(2027, 3, 14)})

    def test_reminders_killed_halfway_and_run_again(self):
        lines = self._due_lines()
        with freeze_time("2025-12-14"):
            with self.env.cr.savepoint() as clean_run:
                self.run_renewal()
                expected = self._state(lines)
                clean_run.rollback()
            self.env.invalidate_all()
            self.run_killed(
                self.run_renewal, "support.renewal.reminder", "_notify_customers"
            )
            self.run_renewal()
        self.assertEqual(self._state(lines), expected)
        self.assertEqual(
            {n for _end, n in expected.values()}, {1}, "one reminder per line"
        )
        mails = self.env["mail.mail"].search(
            [
                ("model", "=", "support.renewal.reminder"),
                ("res_id", "in", lines.renewal_reminder_ids.ids),
            ]
        )
        self.assertEqual(len(mails), 5, "one email per line")
