from freezegun import freeze_time

from odoo.tests import HttpCase, new_test_user, tagged

from .common import WebDesignCase


@tagged("post_install", "-at_install")
class TestMyWebProjects(HttpCase, WebDesignCase):
    """The terms: "una percentuale definita dalle parti alla firma del
    contratto e al saldo alla consegna del lavoro finito"; without the
    material "entro 180 giorni dalla firma del contratto sarà comunque
    tenuto al pagamento del saldo". The customer reads in the portal where
    its project is and what is due when; never another customer's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        new_test_user(
            cls.env,
            login="rossi_sito",
            password="rossi-sito-1",
            groups="base.group_portal",
            partner_id=cls.contact.id,
            email=cls.contact.email,
        )

    def test_the_customer_reads_its_projects_state_and_what_is_due_when(self):
        _contract, project = self._sell_site(30)
        _other_contract, other = self._sell_site(
            50, price=999.0, partner=self.other_customer
        )
        other.contract_line_id.name = "Sito Bianchi"
        with freeze_time("2026-01-15 09:00"):
            project.action_sign()
        self.authenticate("rossi_sito", "rossi-sito-1")
        page = self.url_open("/my/web-projects")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Sito web vetrina", page.text)
        self.assertIn("Signed", page.text)
        self.assertIn(project.deposit_invoice_id.name, page.text)
        self.assertIn(f"/my/invoices/{project.deposit_invoice_id.id}", page.text)
        self.assertIn("at the latest on", page.text)
        self.assertIn("07/14/2026", page.text)
        self.assertNotIn("Sito Bianchi", page.text)
        with freeze_time("2026-07-14 10:00"):
            self.run_cron()
        page = self.url_open("/my/web-projects")
        self.assertIn("Balance invoiced, material missing", page.text)
        self.assertIn(project.balance_invoice_id.name, page.text)
        home = self.url_open("/my")
        self.assertIn("/my/web-projects", home.text)
