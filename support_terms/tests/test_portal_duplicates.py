import re

from odoo.tests import HttpCase, tagged

from .common import SupportTermsCase


@tagged("post_install", "-at_install")
class TestPortalDuplicateHint(HttpCase, SupportTermsCase):
    """Seed 004: "Se effettui una richiesta ti preghiamo di non aprire ticket
    differenti per il medesimo problema." Before a request like one of its
    open requests is sent from the portal, the customer sees them, and sends
    it only if it is a different problem."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.helpdesk_mgmt_portal_select_team = False
        cls.company.helpdesk_mgmt_portal_team_id_required = False
        cls.company.support_duplicate_days = 7
        cls._create_contract(cls.customer, cls.product_basic, "2026-01-01")
        cls.portal = cls.env["res.users"].create(
            {
                "name": "Mario Rossi",
                "login": "mario_portal_dup",
                "password": "mario-portal-dup-1",
                "partner_id": cls.contact.id,
                "groups_id": [(6, 0, cls.env.ref("base.group_portal").ids)],
            }
        )
        cls.open_request = cls.env["helpdesk.ticket"].create(
            {
                "name": "Il sito non si apre",
                "description": "<p>Errore 500</p>",
                "partner_id": cls.contact.id,
            }
        )
        cls.other_request = cls.env["helpdesk.ticket"].create(
            {
                "name": "Il sito non si apre",
                "description": "<p>Errore 500</p>",
                "partner_id": cls.other_customer.id,
            }
        )

    def _post(self, subject, **extra):
        self.authenticate("mario_portal_dup", "mario-portal-dup-1")
        form = self.url_open("/new/ticket").text
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
        return self.url_open(
            "/submitted/ticket",
            data=dict(
                {
                    "csrf_token": csrf,
                    "subject": subject,
                    "description": "Ancora errore 500 sulla home.",
                },
                **extra,
            ),
        )

    def _mine(self):
        return self.env["helpdesk.ticket"].search(
            [("partner_id", "=", self.contact.id)]
        )

    def test_the_customer_sees_its_open_request_before_sending(self):
        before = self._mine()
        response = self._post("URGENTE: il sito non si apre")
        self.assertEqual(response.status_code, 200)
        self.assertIn("You already have open requests like this one", response.text)
        self.assertIn(f"/my/ticket/{self.open_request.id}", response.text)
        self.assertIn(self.open_request.number, response.text)
        # another customer's request is never shown
        self.assertNotIn(f"/my/ticket/{self.other_request.id}", response.text)
        # what was typed is kept
        self.assertIn('value="URGENTE: il sito non si apre"', response.text)
        self.assertIn("Ancora errore 500 sulla home.", response.text)
        self.assertIn('name="support_not_duplicate"', response.text)
        self.assertEqual(self._mine(), before)

    def test_a_different_problem_is_sent_and_staff_see_the_duplicate(self):
        before = self._mine()
        self._post("URGENTE: il sito non si apre", support_not_duplicate="1")
        new = self._mine() - before
        self.assertEqual(len(new), 1)
        self.assertEqual(new.support_duplicate_of_id, self.open_request)

    def test_an_unrelated_request_goes_straight_through(self):
        before = self._mine()
        response = self._post("Fattura di marzo")
        self.assertNotIn("You already have open requests", response.text)
        new = self._mine() - before
        self.assertEqual(len(new), 1)
        self.assertFalse(new.support_duplicate_of_id)

    def test_the_portal_form_in_a_browser(self):
        """The impact explained and chosen, the open request shown before
        sending, the different problem sent anyway."""
        self.plan_basic.impact_priority = True
        before = self._mine()
        self.start_tour(
            "/new/ticket",
            "support_terms_portal_impact_duplicate",
            login="mario_portal_dup",
        )
        new = self._mine() - before
        self.assertEqual(len(new), 1)
        self.assertEqual(new.impact, "service_down")
        self.assertEqual(new.priority, "3")
        self.assertEqual(new.support_duplicate_of_id, self.open_request)
