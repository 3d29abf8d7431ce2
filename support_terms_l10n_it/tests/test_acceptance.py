import base64

from freezegun import freeze_time

from odoo import http
from odoo.exceptions import UserError
from odoo.tests import Form, HttpCase, new_test_user, tagged

from odoo.addons.support_terms.terms_templates import TEMPLATE_SELECTION

from ..templates import CLAUSES
from .common import ItalianLawCase


class AcceptanceCase(ItalianLawCase):
    """Codice civile art. 1341, comma 2: "In ogni caso non hanno effetto, se
    non sono specificamente approvate per iscritto, le condizioni che
    stabiliscono, a favore di colui che le ha predisposte, limitazioni di
    responsabilità, facoltà di recedere dal contratto o di sospenderne
    l'esecuzione, [...] tacita proroga o rinnovazione del contratto"."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.support_terms_version = "2026-01"
        Clause = cls.env["support.terms.clause"]
        cls.clause_desk = Clause.create(
            {"sequence": 1, "name": "Help desk", "text": "Support by help desk."}
        )
        cls.clause_renewal = Clause.create(
            {
                "sequence": 5,
                "name": "Tacit renewal",
                "text": "Services renew every year unless cancelled.",
                "specific_approval": True,
                "rule": "renewal",
            }
        )
        cls.clause_no_refund = Clause.create(
            {
                "sequence": 6,
                "name": "No refund on early termination",
                "text": "No refund for the rest of the period.",
                "specific_approval": True,
                "rule": "no_refund",
            }
        )
        cls.manager = new_test_user(
            cls.env,
            login="terms_manager",
            groups="support_terms_base.group_support_terms_manager",
        )
        cls.agent = new_test_user(
            cls.env,
            login="terms_agent",
            groups="support_terms_base.group_support_terms_user",
        )

    def _acceptances(self, partner):
        return self.env["support.terms.acceptance"].search(
            [("partner_id", "=", partner.id)]
        )


@tagged("post_install", "-at_install")
class TestTermsClauses(AcceptanceCase):
    def test_every_template_says_which_clauses_need_approval(self):
        for template, _label in TEMPLATE_SELECTION:
            with self.subTest(template=template):
                clauses = CLAUSES[template]
                self.assertTrue(clauses)
                for clause in clauses:
                    self.assertIsInstance(clause["approval"], bool)
                # every template's plans renew by themselves
                renewal = [c for c in clauses if c.get("rule") == "renewal"]
                self.assertEqual(len(renewal), 1)
                # a clause grounding an automatic rule is an onerous one
                self.assertTrue(all(c["approval"] for c in clauses if c.get("rule")))

    def test_applying_a_template_numbers_its_clauses(self):
        company = self.env["res.company"].create({"name": "Hosting Gold Srl"})
        self.env["support.terms.template.apply"]._apply_template(
            "hosting_gold", company
        )
        clauses = company.support_terms_clause_ids.sorted("sequence")
        self.assertEqual(clauses.mapped("sequence"), [1, 2, 3, 4, 5, 6])
        self.assertEqual(
            clauses.filtered("specific_approval").mapped("name"),
            [
                "Suspension for late payment",
                "End of supply to late payers",
                "Tacit renewal",
                "No refund on early termination",
            ],
        )
        self.assertEqual(
            clauses.filtered("rule").mapped("rule"),
            ["suspension", "renewal", "no_refund"],
        )
        self.assertIn("Hosting with GOLD help desk", company.support_terms_version)

    def test_staff_record_a_paper_acceptance_with_its_scan(self):
        scan = self.env["ir.attachment"].create(
            {"name": "condizioni_firmate.pdf", "datas": base64.b64encode(b"%PDF-1.4")}
        )
        acceptances = self.env["support.terms.acceptance"].with_user(self.manager)
        with Form(acceptances) as form:
            form.partner_id = self.consumer
            form.channel = "pec"
            form.source_address = "giulia.verdi@pec.example"
            form.signed_by = "Giulia Verdi"
            form.approved_clause_ids.add(self.clause_renewal)
            form.approved_clause_ids.add(self.clause_no_refund)
            form.attachment_ids.add(scan)
        acceptance = form.record
        self.assertEqual(acceptance.terms_version, "2026-01")
        self.assertEqual(
            acceptance.approved_clauses_text,
            "5. Tacit renewal, 6. No refund on early termination",
        )
        self.assertIn("Help desk", acceptance.terms_text)
        self.assertEqual(acceptance.user_id, self.manager)
        with self.assertRaisesRegex(UserError, "cannot change"):
            acceptance.with_user(self.manager).signed_by = "Someone else"
        self.assertEqual(acceptance.signed_by, "Giulia Verdi")
        # staff read it on the customer
        self.assertEqual(
            self.consumer.with_user(self.agent).support_terms_acceptance_ids, acceptance
        )

    def test_filter_follows_the_company_day(self):
        """A consumer whose only service ended on 31 May holds none from
        midnight in Rome: at 00:30 of 1 June, still 31 May in UTC, staff no
        longer find it among the customers missing an approval."""
        self.company.partner_id.tz = "Europe/Rome"
        consultancy = self._create_product("Consulenza annuale", self.company)
        self._create_contract(
            self.consumer, consultancy, self.d(2025, 6, 1), self.d(2026, 5, 31)
        )
        partners = self.env["res.partner"].with_user(self.agent)
        missing = [("support_missing_approval", "=", True)]
        with freeze_time("2026-05-31 21:30:00"):
            self.assertIn(self.consumer, partners.search(missing))
        with freeze_time("2026-05-31 22:30:00"):
            self.assertNotIn(self.consumer, partners.search(missing))

    def test_filter_and_activity_warn_of_renewals_without_approval(self):
        with freeze_time("2025-03-15 10:00"):
            line = self._service(self.hosting, self.d(2025, 3, 15), self.consumer)
        partners = self.env["res.partner"].with_user(self.agent)
        with freeze_time("2025-06-01 10:00"):
            self.assertIn(
                self.consumer,
                partners.search([("support_missing_approval", "=", True)]),
            )
            self.assertTrue(
                self.consumer.with_user(self.agent).support_missing_approval
            )
        with freeze_time("2026-01-14 10:00"):
            self.run_renewal()
            self.run_renewal()
        self.assertEqual(line.date_end, self.d(2027, 3, 14), "the rule still acts")
        activities = self.consumer.activity_ids.filtered(
            lambda a: "Tacit renewal without specific approval" in a.summary
        )
        self.assertEqual(len(activities), 1)
        self.assertIn("5. Tacit renewal", activities.summary)
        # approved: no longer in the filter, no warning at the next renewal
        self.env["support.terms.acceptance"].create(
            {
                "partner_id": self.consumer.id,
                "channel": "paper",
                "signed_by": "Giulia Verdi",
                "approved_clause_ids": [
                    (6, 0, (self.clause_renewal | self.clause_no_refund).ids)
                ],
            }
        )
        with freeze_time("2026-06-01 10:00"):
            self.assertNotIn(
                self.consumer,
                partners.search([("support_missing_approval", "=", True)]),
            )
        activities.action_done()
        with freeze_time("2027-01-14 10:00"):
            self.run_renewal()
        self.assertEqual(line.date_end, self.d(2028, 3, 14))
        self.assertFalse(
            self.consumer.activity_ids.filtered(
                lambda a: "without specific approval" in a.summary
            )
        )

    def test_a_new_version_asks_again(self):
        self.env["support.terms.acceptance"].create(
            {
                "partner_id": self.consumer.id,
                "signed_by": "Giulia Verdi",
                "approved_clause_ids": [
                    (6, 0, (self.clause_renewal | self.clause_no_refund).ids)
                ],
            }
        )
        self.assertFalse(self.consumer._support_unapproved_clauses(self.company))
        self.company.support_terms_version = "2027-01"
        self.assertEqual(
            self.consumer._support_unapproved_clauses(self.company),
            self.clause_renewal | self.clause_no_refund,
        )


@tagged("post_install", "-at_install")
class TestAcceptanceFromThePortal(HttpCase, AcceptanceCase):
    """Art. 1342: in contracts concluded by forms, the onerous clauses need
    the specific approval of art. 1341 too: the portal asks it apart from
    the acceptance, listing each clause by number and title."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        new_test_user(
            cls.env,
            login="giulia_terms",
            password="giulia-terms-1",
            groups="base.group_portal",
            partner_id=cls.consumer.id,
        )
        new_test_user(
            cls.env,
            login="mario_terms",
            password="mario-terms-1",
            groups="base.group_portal",
            partner_id=cls.contact.id,
        )

    def test_main_contact_accepts_and_approves_from_the_portal(self):
        self.authenticate("giulia_terms", "giulia-terms-1")
        page = self.url_open("/my/terms")
        self.assertEqual(page.status_code, 200)
        self.assertIn("1. Help desk", page.text)
        self.assertIn("support_terms_onerous", page.text)
        self.assertIn("5. Tacit renewal", page.text)
        self.assertIn("1341", page.text)
        # the acceptance box is required: nothing recorded without it
        page = self.url_open(
            "/my/terms",
            data={"csrf_token": http.Request.csrf_token(self), "approve": "1"},
        )
        self.assertIn("support_terms_error", page.text)
        self.assertFalse(self._acceptances(self.consumer))
        page = self.url_open(
            "/my/terms",
            data={
                "csrf_token": http.Request.csrf_token(self),
                "accept": "1",
                "approve": "1",
            },
        )
        self.assertEqual(page.status_code, 200)
        self.assertIn("support_terms_accepted", page.text)
        acceptance = self._acceptances(self.consumer)
        self.assertEqual(len(acceptance), 1)
        self.assertEqual(acceptance.channel, "portal")
        self.assertEqual(acceptance.source_address, "127.0.0.1")
        self.assertEqual(acceptance.signed_by, "giulia_terms (base.group_portal)")
        self.assertEqual(acceptance.terms_version, "2026-01")
        self.assertEqual(
            acceptance.approved_clause_ids, self.clause_renewal | self.clause_no_refund
        )
        self.assertIn("Tacit renewal", acceptance.terms_text)
        # staff see it
        self.assertEqual(
            self.env["support.terms.acceptance"]
            .with_user(self.agent)
            .search([("partner_id", "=", self.consumer.id)]),
            acceptance,
        )

    def test_acceptance_without_approval_leaves_the_clauses_unapproved(self):
        self.authenticate("giulia_terms", "giulia-terms-1")
        self.url_open(
            "/my/terms",
            data={"csrf_token": http.Request.csrf_token(self), "accept": "1"},
        )
        acceptance = self._acceptances(self.consumer)
        self.assertEqual(len(acceptance), 1)
        self.assertFalse(acceptance.approved_clause_ids)
        self.assertEqual(
            self.consumer._support_unapproved_clauses(self.company),
            self.clause_renewal | self.clause_no_refund,
        )

    def test_another_contact_cannot_accept_for_the_company(self):
        self.authenticate("mario_terms", "mario-terms-1")
        page = self.url_open("/my/terms")
        self.assertEqual(page.status_code, 403)
        page = self.url_open(
            "/my/terms",
            data={"csrf_token": http.Request.csrf_token(self), "accept": "1"},
        )
        self.assertEqual(page.status_code, 403)
        self.assertFalse(self._acceptances(self.customer))


@tagged("post_install", "-at_install")
class TestOtherRulesWarn(AcceptanceCase):
    """The suspension and the no-refund rules act as the terms say, and
    warn staff when the customer did not approve their clause."""

    def _warnings(self, partner, text):
        return partner.activity_ids.filtered(lambda a: text in a.summary)

    def test_early_termination_without_refund_warns(self):
        with freeze_time("2026-03-15 10:00"):
            line = self._service(self.hosting, self.d(2026, 3, 15), self.other_customer)
        with freeze_time("2026-06-01 10:00"):
            notice = self._consumer_notice(
                line,
                self.d(2026, 6, 1),
                channel="registered_mail",
                requested_end_date=self.d(2026, 6, 30),
            )
            notice.action_confirm()
        self.assertEqual(notice.result_ids.outcome, "early")
        warning = self._warnings(
            self.other_customer, "Early termination without refund"
        )
        self.assertEqual(len(warning), 1)
        self.assertIn("6. No refund on early termination", warning.summary)

    def test_suspension_warns(self):
        clause = self.env["support.terms.clause"].create(
            {
                "sequence": 3,
                "name": "Suspension for late payment",
                "text": "Services may be suspended at once.",
                "specific_approval": True,
                "rule": "suspension",
            }
        )
        line = self._service(self.hosting, self.today, self.consumer)
        self.env["support.service.suspension"].with_user(self.manager).create(
            {
                "partner_id": self.consumer.id,
                "company_id": self.company.id,
                "line_ids": [(6, 0, line.ids)],
            }
        )
        self.assertEqual(line.service_state, "suspended", "the rule still acts")
        warning = self._warnings(self.consumer, "Suspension for late payment")
        self.assertEqual(len(warning), 1)
        self.assertIn(clause._label(), warning.summary)


@tagged("post_install", "-at_install")
class TestNoticeCitesTheApproval(AcceptanceCase):
    def test_consumer_notice_cites_the_approved_clause_and_version(self):
        """The renewal notice tells the consumer which clause of tacit
        renewal it approved, in which version of the terms."""
        with freeze_time("2025-03-15 10:00"):
            line = self._service(self.hosting, self.d(2025, 3, 15), self.consumer)
            self.env["support.terms.acceptance"].create(
                {
                    "partner_id": self.consumer.id,
                    "channel": "portal",
                    "signed_by": "Giulia Verdi",
                    "approved_clause_ids": [(6, 0, self.clause_renewal.ids)],
                }
            )
        with freeze_time("2025-12-13 10:00"):
            self.run_renewal()
        notice = line.renewal_reminder_ids
        self.assertEqual(notice.kind, "consumer_notice")
        self.assertIn(
            "You specifically approved clause 5. Tacit renewal of our terms "
            "(version 2026-01) on 03/15/2025.",
            notice.sent_body,
        )
