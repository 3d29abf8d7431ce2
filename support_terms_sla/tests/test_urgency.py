from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import new_test_user, tagged

from .common import SlaCase

SUNDAY = datetime(2026, 3, 8, 10, 0)  # 11:00 in Rome, out of Mon-Fri 15-18
TUESDAY = datetime(2026, 3, 10, 15, 0)  # 16:00 in Rome, in the support hours


@tagged("post_install", "-at_install")
class TestUrgency(SlaCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.on_call = new_test_user(
            cls.env,
            login="on_call",
            groups="helpdesk_mgmt.group_helpdesk_user",
            name="Reperibile",
            email="reperibile@provider.example",
        )
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "Assistenza",
                "alias_name": "assistenza-urg",
                "on_call_user_ids": [(6, 0, cls.on_call.ids)],
                "resource_calendar_id": cls.calendar.id,
            }
        )
        cls.always = cls._create_calendar(
            "H24", cls.company, hours=((0, 1, 2, 3, 4, 5, 6), 0.0, 24.0)
        )
        cls._create_contract(cls.customer, cls.product_basic, "2026-01-01")

    def _receive(self, subject, message_id="<m1@rossi.example>", extra=""):
        raw = (
            "From: Mario Rossi <mario@rossi.example>\n"
            "To: assistenza-urg@example.com\n"
            f"Subject: {subject}\n"
            f"Message-ID: {message_id}\n"
            f"{extra}"
            "Date: Sun, 08 Mar 2026 10:00:00 +0000\n"
            "Content-Type: text/plain; charset=utf-8\n\n"
            "Il sito non risponde.\n"
        )
        ticket_id = self.env["mail.thread"].message_process(
            "helpdesk.ticket", raw, custom_values={"team_id": self.team.id}
        )
        return self.env["helpdesk.ticket"].browse(ticket_id)

    def test_subjects_through_the_mail_gateway(self):
        cases = {
            "URGENTE: sito down": True,
            "Re: urgente!!": True,
            "R: [URGENTE] posta": True,
            "Non urgente: domanda": False,
            "urgentemente": False,
            "": False,
        }
        with freeze_time(TUESDAY):
            for index, (subject, urgent) in enumerate(cases.items()):
                with self.subTest(subject=subject):
                    ticket = self._receive(subject, f"<case{index}@rossi.example>")
                    self.assertEqual(ticket.is_urgent, urgent)
                    if urgent:
                        self.assertEqual(ticket.urgency_source, "email")
                        self.assertEqual(ticket.urgency_review, "to_review")
                        self.assertEqual(ticket.priority, "3")
                    else:
                        self.assertFalse(ticket.urgency_source)

    def test_long_encoded_and_html_subjects(self):
        with freeze_time(TUESDAY):
            long_one = self._receive("URGENTE " + "x" * 10_000, "<long@rossi.example>")
            self.assertTrue(long_one.is_urgent)
            encoded = self._receive(
                "=?utf-8?b?VVJHRU5URTogw6ggZ2nDuSBpbCBzaXRv?=", "<enc@rossi.example>"
            )
            self.assertEqual(encoded.name, "URGENTE: è giù il sito")
            self.assertTrue(encoded.is_urgent)
            html = self._receive(
                "<b>URGENTE</b> <script>alert(1)</script>", "<html@rossi.example>"
            )
        self.assertTrue(html.is_urgent)
        self.assertEqual(html.name, "<b>URGENTE</b> <script>alert(1)</script>")
        template = self.env.ref("support_terms_sla.mail_template_urgent_out_of_hours")
        body = template._render_field("body_html", html.ids)[html.id]
        self.assertNotIn("<script>", body)
        self.assertIn("&lt;script&gt;", body)

    def test_follow_up_email_raises_the_urgency(self):
        with freeze_time(TUESDAY):
            ticket = self._receive("Domanda sul dominio", "<first@rossi.example>")
            self.assertFalse(ticket.is_urgent)
            self._receive(
                "Re: URGENTE Domanda sul dominio",
                "<second@rossi.example>",
                extra="In-Reply-To: <first@rossi.example>\n",
            )
        self.assertTrue(ticket.is_urgent)
        self.assertEqual(ticket.urgency_source, "email")

    def test_out_of_hours_with_urgent_hours_calls_on_call_staff(self):
        self.plan_basic.urgent_calendar_id = self.always
        with freeze_time(SUNDAY):
            ticket = self._receive("URGENTE: sito down")
        self.assertEqual(ticket.support_plan_id, self.plan_basic)
        activity = ticket.activity_ids
        self.assertEqual(activity.user_id, self.on_call)
        notified = self.env["mail.message"].search(
            [
                ("model", "=", "helpdesk.ticket"),
                ("res_id", "=", ticket.id),
                ("partner_ids", "in", self.on_call.partner_id.ids),
            ]
        )
        self.assertEqual(len(notified), 1)
        self.assertIn("Urgent request out of hours", notified.body)
        self.assertFalse(ticket.urgency_handling_date)

    def test_out_of_hours_without_urgent_hours_tells_the_customer(self):
        with freeze_time(SUNDAY):
            ticket = self._receive("URGENTE: sito down")
        self.assertFalse(ticket.activity_ids)
        # Monday 9 March 15:00 in Rome
        self.assertEqual(ticket.urgency_handling_date, datetime(2026, 3, 9, 14, 0))
        mail = self.env["mail.mail"].search(
            [("model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)]
        )
        self.assertEqual(len(mail), 1)
        self.assertIn("out of the support hours", mail.body_html)
        self.assertEqual(mail.recipient_ids, self.contact)

    def test_in_hours_nothing_special(self):
        self.plan_basic.urgent_calendar_id = self.always
        with freeze_time(TUESDAY):
            ticket = self._receive("URGENTE: sito down")
        self.assertTrue(ticket.is_urgent)
        self.assertFalse(ticket.activity_ids)
        self.assertFalse(ticket.urgency_handling_date)

    def test_staff_raise_and_review_the_urgency(self):
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "Domanda",
                "description": "<p>?</p>",
                "partner_id": self.contact.id,
            }
        )
        ticket.is_urgent = True
        self.assertEqual(ticket.urgency_source, "staff")
        self.assertEqual(ticket.priority, "3")
        ticket.urgency_review = "unjustified"
        self.assertEqual(ticket.urgency_review, "unjustified")

    def test_staff_mark_urgent_a_selection_with_one_urgent_already(self):
        """Staff select requests in the list and mark them urgent at once;
        the one the customer's email already made urgent keeps its source
        and its review, the others become the staff's urgencies."""
        agent = new_test_user(
            self.env,
            login="urgency_agent",
            groups="helpdesk_mgmt.group_helpdesk_user",
        )
        with freeze_time(TUESDAY):
            by_email = self._receive("URGENTE: sito down")
        by_email.sudo().urgency_review = "justified"
        others = self.env["helpdesk.ticket"].create(
            [
                {
                    "name": f"Domanda {n}",
                    "description": "<p>?</p>",
                    "partner_id": self.contact.id,
                }
                for n in range(2)
            ]
        )
        selection = (by_email | others).with_user(agent)
        with freeze_time(TUESDAY):
            selection.write({"is_urgent": True})
        self.assertEqual(by_email.urgency_source, "email")
        self.assertEqual(by_email.urgency_review, "justified")
        for ticket in others:
            self.assertTrue(ticket.is_urgent)
            self.assertEqual(ticket.urgency_source, "staff")
            self.assertEqual(ticket.urgency_review, "to_review")
            self.assertEqual(ticket.priority, "3")

    def test_company_keywords(self):
        self.company.support_urgency_keywords = "SOS, Bloccante"
        with freeze_time(TUESDAY):
            self.assertTrue(self._receive("sos posta", "<sos@rossi.example>").is_urgent)
            self.assertFalse(
                self._receive("URGENTE posta", "<urg@rossi.example>").is_urgent
            )

    def test_keywords_cannot_be_empty(self):
        for bad in ("", "   ", " , ;"):
            with self.subTest(keywords=bad), self.assertRaises(ValidationError):
                self.company.support_urgency_keywords = bad
                self.company.flush_recordset()
        self.assertEqual(self.company.support_urgency_keywords, "URGENTE, URGENT")

    # A negation before the keyword: the customer says it is NOT urgent.

    def _assert_received_not_urgent(self, subject):
        with freeze_time(SUNDAY):
            ticket = self._receive(subject)
        self.assertEqual(ticket.name, subject)
        self.assertFalse(ticket.is_urgent)
        self.assertFalse(ticket.urgency_source)
        self.assertFalse(ticket.urgency_review)
        self.assertNotEqual(ticket.priority, "3")
        self.assertFalse(ticket.activity_ids)
        self.assertFalse(ticket.urgency_handling_date)

    def test_email_subject_non_e_urgente_is_not_urgent(self):
        self.plan_basic.urgent_calendar_id = self.always
        self._assert_received_not_urgent("Non è urgente: cambio logo")

    def test_email_subject_niente_di_urgente_is_not_urgent(self):
        self.plan_basic.urgent_calendar_id = self.always
        self._assert_received_not_urgent("Niente di urgente")

    def test_email_subject_nulla_di_urgente_is_not_urgent(self):
        self.plan_basic.urgent_calendar_id = self.always
        self._assert_received_not_urgent("Nulla di urgente")

    def test_email_subject_not_so_urgent_is_not_urgent(self):
        self.plan_basic.urgent_calendar_id = self.always
        self._assert_received_not_urgent("Not so urgent")

    def test_email_subject_no_urgent_action_needed_is_not_urgent(self):
        self.plan_basic.urgent_calendar_id = self.always
        self._assert_received_not_urgent("No urgent action needed")

    def test_email_encoded_subject_non_e_urgente_is_not_urgent(self):
        """The subject as mail clients send it: RFC 2047, UTF-8."""
        with freeze_time(TUESDAY):
            ticket = self._receive("=?utf-8?b?Tm9uIMOoIHVyZ2VudGU6IGNhbWJpbyBsb2dv?=")
        self.assertEqual(ticket.name, "Non è urgente: cambio logo")
        self.assertFalse(ticket.is_urgent)

    def test_email_subject_urgente_non_riesco_ad_accedere_stays_urgent(self):
        self.plan_basic.urgent_calendar_id = self.always
        with freeze_time(SUNDAY):
            ticket = self._receive("URGENTE: non riesco ad accedere")
        self.assertTrue(ticket.is_urgent)
        self.assertEqual(ticket.urgency_source, "email")
        self.assertEqual(ticket.priority, "3")
        self.assertEqual(ticket.activity_ids.user_id, self.on_call)

    def test_follow_up_email_niente_di_urgente_does_not_raise_the_urgency(self):
        with freeze_time(TUESDAY):
            ticket = self._receive("Domanda sul dominio", "<first@rossi.example>")
            self._receive(
                "Re: Domanda sul dominio - niente di urgente",
                "<second@rossi.example>",
                extra="In-Reply-To: <first@rossi.example>\n",
            )
        self.assertIn(
            "Re: Domanda sul dominio - niente di urgente",
            ticket.message_ids.mapped("subject"),
        )
        self.assertFalse(ticket.is_urgent)

    # A negation, then the noun the keyword qualifies: still not urgent.

    def test_email_subject_negated_noun_phrases_are_not_urgent(self):
        self.plan_basic.urgent_calendar_id = self.always
        for index, subject in enumerate(
            (
                "Non è un problema urgente",
                "Nessuna richiesta urgente",
                "Non si tratta di una richiesta urgente",
            )
        ):
            with self.subTest(subject=subject), freeze_time(SUNDAY):
                ticket = self._receive(subject, f"<noun{index}@rossi.example>")
                self.assertFalse(ticket.is_urgent)
                self.assertFalse(ticket.urgency_source)
                self.assertNotEqual(ticket.priority, "3")
                self.assertFalse(ticket.activity_ids)

    def test_email_subject_urgent_then_a_negation_stays_urgent(self):
        self.plan_basic.urgent_calendar_id = self.always
        for index, subject in enumerate(
            ("URGENTE: sito down", "urgente, non funziona nulla")
        ):
            with self.subTest(subject=subject), freeze_time(SUNDAY):
                ticket = self._receive(subject, f"<urg{index}@rossi.example>")
                self.assertTrue(ticket.is_urgent)
                self.assertEqual(ticket.activity_ids.user_id, self.on_call)
