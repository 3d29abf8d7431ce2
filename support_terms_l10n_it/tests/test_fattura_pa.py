import base64
from datetime import date, datetime

from freezegun import freeze_time
from lxml import etree

from odoo import Command
from odoo.tests import new_test_user, tagged
from odoo.tools.misc import file_open

from .common import ItalianLawCase


@tagged("post_install", "-at_install")
class TestFatturaPA(ItalianLawCase):
    """D.P.R. 633/1972 art. 21 and L. 205/2017 art. 1, comma 3: every
    invoice between Italian parties is an electronic invoice "trasmessa
    tramite il Sistema di Interscambio" (SdI) in the FatturaPA format.
    Every document the addons create for an Italian provider passes Odoo's
    FatturaPA checks and renders its XML, for a business customer (partita
    IVA, codice destinatario) and a consumer (codice fiscale); the VAT comes
    from the products of the Italian chart of accounts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.it = cls.env["res.company"].create(
            {
                "name": "Hosting Italia Srl",
                "country_id": cls.env.ref("base.it").id,
                "vat": "IT01234560157",
                "l10n_it_codice_fiscale": "01234560157",
                "l10n_it_tax_system": "RF01",
                "street": "Via Roma 1",
                "zip": "20121",
                "city": "Milano",
                "email": "amministrazione@hosting-italia.example",
            }
        )
        cls.env.user.company_ids |= cls.it
        cls.env["account.chart.template"].try_loading("it", cls.it, install_demo=False)
        cls.it.partner_id.tz = "Europe/Rome"
        # registered to send to SdI through Odoo's proxy, as Odoo's own tests
        key = cls.env["certificate.key"].create(
            {
                "name": "IT test key",
                "content": base64.b64encode(
                    file_open("l10n_it_edi/data/pkey.key", "rb").read()
                ),
            }
        )
        cls.env["account_edi_proxy_client.user"].create(
            {
                "proxy_type": "l10n_it_edi",
                "id_client": "support_terms_l10n_it_test",
                "company_id": cls.it.id,
                "edi_identification": "support_terms_l10n_it_test",
                "private_key_id": key.id,
            }
        )
        cls.it.write({"support_renewal_reminders": True, "support_it_law": True})
        cls.env = cls.env(
            context=dict(cls.env.context, allowed_company_ids=[cls.it.id])
        )
        italy = cls.env.ref("base.it").id
        cls.business = cls.env["res.partner"].create(
            {
                "name": "Alessi Spa",
                "is_company": True,
                "vat": "IT00465840031",
                "l10n_it_pa_index": "M5UXCR1",
                "country_id": italy,
                "street": "Via Privata Alessi 6",
                "zip": "28887",
                "city": "Omegna",
                "email": "amministrazione@alessi.example",
            }
        )
        cls.consumer_it = cls.env["res.partner"].create(
            {
                "name": "Matteo Martini",
                "l10n_it_codice_fiscale": "MRTMTT91D08F205J",
                "country_id": italy,
                "street": "Via Garibaldi 3",
                "zip": "10122",
                "city": "Torino",
                "email": "matteo.martini@example.com",
                "lang": "en_US",
            }
        )
        # products of the Italian company: its sales VAT by default
        cls.hosting_it = cls._it_product("Hosting annuale", "hosting")
        cls.plan_it = cls._it_product("Piano di assistenza", "support_plan")
        cls.plan_support_it = cls._create_plan(
            "ITPLAN",
            cls.plan_it,
            company=cls.it,
            refund_window_hours=24,
            calendar=cls.it.resource_calendar_id,
        )

    @classmethod
    def _it_product(cls, name, kind):
        product = cls.env["product.product"].create(
            {
                "name": name,
                "type": "service",
                "list_price": 100.0,
                "company_id": cls.it.id,
            }
        )
        product.product_tmpl_id.write(
            {"service_kind": kind, "renewal_policy": "anniversary", "notice_days": 60}
        )
        return product

    def _it_service(self, partner, product, start):
        _contract, line = self._create_contract(
            partner,
            product,
            start,
            company=self.it,
            is_auto_renew=True,
            auto_renew_rule_type="yearly",
            auto_renew_interval=1,
        )
        return line

    def assert_fattura_pa(self, move, document_type, customer_code):
        """No error in Odoo's checks before sending to SdI, and the XML."""
        self.assertEqual(move.company_id, self.it)
        self.assertEqual(move._l10n_it_edi_export_data_check(), {})
        xml = etree.fromstring(move._l10n_it_edi_render_xml())
        self.assertEqual(xml.findtext(".//TipoDocumento"), document_type)
        buyer = xml.find(".//CessionarioCommittente")
        self.assertIn(customer_code, etree.tostring(buyer).decode())
        rates = {
            float(rate) for rate in xml.xpath(".//DettaglioLinee/AliquotaIVA/text()")
        }
        self.assertEqual(rates, {22.0}, "the VAT of the product")
        return xml

    def test_withdrawal_credit_note_of_a_consumer(self):
        with freeze_time("2026-03-01 09:00"):
            line = self._it_service(self.consumer_it, self.hosting_it, date(2026, 3, 1))
            invoice = self._invoice(line)
        self.assert_fattura_pa(invoice, "TD01", "MRTMTT91D08F205J")
        with freeze_time("2026-03-10 10:00"):
            notice = self._consumer_notice(line, datetime(2026, 3, 10, 9, 0))
            notice.action_confirm()
        self.assertEqual(notice.result_ids.outcome, "withdrawn")
        self.assert_fattura_pa(notice.refund_move_ids, "TD04", "MRTMTT91D08F205J")

    def test_refund_credit_note_of_a_business(self):
        """The plan's refund window of the terms: a business customer's
        full refund is a credit note to its partita IVA and SdI code."""
        with freeze_time("2026-03-01 09:00"):
            line = self._it_service(self.business, self.plan_it, date(2026, 3, 1))
            invoice = self._invoice(line)
        self.assert_fattura_pa(invoice, "TD01", "00465840031")
        with freeze_time("2026-03-01 11:00"):
            notice = self._consumer_notice(
                line, datetime(2026, 3, 1, 10, 0), channel="registered_mail"
            )
            notice.action_confirm()
        self.assertEqual(notice.result_ids.outcome, "refunded")
        xml = self.assert_fattura_pa(notice.refund_move_ids, "TD04", "00465840031")
        self.assertEqual(xml.findtext(".//CodiceDestinatario"), "M5UXCR1")

    def test_free_withdrawal_credit_note_of_a_consumer(self):
        with freeze_time("2025-03-15 10:00"):
            line = self._it_service(
                self.consumer_it, self.hosting_it, date(2025, 3, 15)
            )
            self._invoice(line)
        # the notice due by 12 January could not be sent in time
        with freeze_time("2026-01-13 10:00"):
            self.run_renewal()
        with freeze_time("2026-01-14 10:00"):
            self.run_renewal()
        self.assertEqual(line.free_withdrawal_until, date(2027, 3, 14))
        with freeze_time("2026-03-15 10:00"):
            self._invoice(line)
        with freeze_time("2026-06-01 10:00"):
            notice = self._consumer_notice(line, date(2026, 6, 1))
            notice.action_confirm()
        self.assertEqual(notice.result_ids.outcome, "free_withdrawal")
        self.assert_fattura_pa(notice.refund_move_ids, "TD04", "MRTMTT91D08F205J")

    def test_charges_invoice(self):
        intervention = self._it_product("Intervento tecnico", "other")
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "Sito non raggiungibile",
                "description": "Il sito non risponde.",
                "partner_id": self.business.id,
                "company_id": self.it.id,
            }
        )
        charge = ticket._add_charge("outside_plan", intervention)
        charge.action_invoice()
        invoice = charge.invoice_id
        invoice.action_post()
        self.assert_fattura_pa(invoice, "TD01", "00465840031")

    def test_credit_pack_invoice(self):
        self.it.support_credit_grant_on = "posted"
        pack = self._it_product("Pacchetto 10 crediti", "credit_pack")
        pack.product_tmpl_id.write(
            {"support_credits": 10, "support_credit_validity_days": 365}
        )
        order = self.env["sale.order"].create(
            {
                "partner_id": self.business.id,
                "company_id": self.it.id,
                "order_line": [Command.create({"product_id": pack.id})],
            }
        )
        order.action_confirm()
        invoice = order._create_invoices()
        invoice.action_post()
        self.assertTrue(
            self.env["support.credit.move"].search(
                [("partner_id", "=", self.business.id)]
            ),
            "the credits are granted",
        )
        self.assert_fattura_pa(invoice, "TD01", "00465840031")

    def test_reactivation_fee(self):
        """The terms: "La riattivazione dei Servizi avverrà solo dopo
        l'avvenuto pagamento e comporterà un addebito pari a euro 20.00 +
        iva"."""
        fee = self.env.ref("support_terms_suspension.product_reactivation_fee")
        self.it.write(
            {
                "support_overdue_suspension": True,
                "support_overdue_grace_days": 0,
                "support_reactivation_fee_product_id": fee.id,
                "support_reactivation_fee_state": "posted",
            }
        )
        with freeze_time("2026-01-01 09:00"):
            line = self._it_service(self.business, self.hosting_it, date(2026, 1, 1))
            invoice = self._invoice(line)
        cron = self.env.ref("support_terms_suspension.ir_cron_overdue_suspension")
        with freeze_time("2026-01-10 10:00"):
            self.run_like_the_cron_worker(cron)
        self.assertEqual(line.service_state, "suspended")
        accountant = new_test_user(
            self.env,
            login="it_accountant",
            groups="account.group_account_invoice,base.group_user",
            company_id=self.it.id,
            company_ids=[Command.set(self.it.ids)],
        )
        with freeze_time("2026-01-12 10:00"):
            self.env["account.payment.register"].with_user(accountant).with_context(
                active_model="account.move", active_ids=invoice.ids
            ).create({"payment_date": date(2026, 1, 12)})._create_payments()
            self.env.cr.flush()
            self.run_like_the_cron_worker(cron)
        fees = self.env["account.move"].search(
            [("support_reactivation_suspension_id.partner_id", "=", self.business.id)]
        )
        self.assertEqual(len(fees), 1)
        self.assertEqual(fees.state, "posted")
        self.assert_fattura_pa(fees, "TD01", "00465840031")
