import re

from odoo.tests import HttpCase, tagged

from .common import SupportTermsCase


@tagged("post_install", "-at_install")
class TestPortalRequestWithoutPlan(HttpCase, SupportTermsCase):
    """Seed 004: "Forniamo assistenza sistemistica ed applicativa solo ai
    nostri clienti". Somebody with a portal login and no service in force
    sends the portal's request form: the request is refused politely by
    email, in its language, and closed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("it_IT")
        cls.env["ir.module.module"]._load_module_terms(
            ["support_terms_coverage", "support_terms"], ["it_IT"], overwrite=True
        )
        cls.company.helpdesk_mgmt_portal_select_team = False
        cls.company.helpdesk_mgmt_portal_team_id_required = False
        cls.company.helpdesk_mgmt_portal_category_id_required = False
        cls.company.support_no_plan_mode = "refuse"
        cls.stranger = cls.env["res.partner"].create(
            {"name": "Anna Neri", "email": "anna@neri.example", "lang": "it_IT"}
        )
        cls.env["res.users"].create(
            {
                "name": "Anna Neri",
                "login": "anna_no_plan",
                "password": "anna-no-plan-1",
                "partner_id": cls.stranger.id,
                "groups_id": [(6, 0, cls.env.ref("base.group_portal").ids)],
            }
        )

    def test_portal_request_of_a_non_customer_is_refused(self):
        self.authenticate("anna_no_plan", "anna-no-plan-1")
        form = self.url_open("/new/ticket").text
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
        response = self.url_open(
            "/submitted/ticket",
            data={
                "csrf_token": csrf,
                "subject": "Il mio server non risponde",
                "description": "Potete aiutarmi?",
            },
        )
        self.assertEqual(response.status_code, 200)
        ticket = self.env["helpdesk.ticket"].search(
            [("name", "=", "Il mio server non risponde")]
        )
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.partner_id, self.stranger)
        self.assertEqual(ticket.support_no_plan_rule, "refused")
        self.assertTrue(ticket.stage_id.closed)
        self.env.cr.precommit.run()
        mails = self.env["mail.mail"].search(
            [("model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)]
        )
        self.assertEqual(
            mails.mapped("subject"),
            [f"{ticket.number}: forniamo assistenza solo ai nostri clienti"],
        )
        self.assertIn(self.stranger, mails.recipient_ids)
        self.assertEqual(mails.author_id, self.company.partner_id)

    def test_my_support_says_what_a_request_without_plan_gets(self):
        self.authenticate("anna_no_plan", "anna-no-plan-1")
        page = self.url_open("/my/support").text
        self.assertIn("support_terms_no_plan", page)
        self.assertIn("forniamo assistenza tecnica solo ai nostri clienti", page)
