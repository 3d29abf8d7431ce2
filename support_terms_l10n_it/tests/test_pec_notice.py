from freezegun import freeze_time

from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ItalianLawCase

PEC_NOTICE = """\
Return-Path: <rossi.costruzioni@pec.example>
From: "Per conto di: rossi.costruzioni@pec.example" <posta-certificata@pec.example>
Reply-To: rossi.costruzioni@pec.example
To: provider@pec.example
Subject: POSTA CERTIFICATA: Disdetta servizio hosting
Date: Tue, 10 Nov 2026 09:15:00 +0100
Message-ID: <opec.20261110091500.rossi@pec.example>
X-Trasporto: posta-certificata
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="pec-boundary"

--pec-boundary
Content-Type: text/plain; charset="utf-8"

Con la presente comunichiamo la disdetta del servizio hosting alla scadenza.

--pec-boundary
Content-Type: application/xml; name="daticert.xml"
Content-Disposition: attachment; filename="daticert.xml"

<postacert tipo="posta-certificata"><dati><data zona="+0100">
<giorno>10/11/2026</giorno><ora>09:15:00</ora></data></dati></postacert>
--pec-boundary
Content-Type: message/rfc822; name="postacert.eml"
Content-Disposition: attachment; filename="postacert.eml"

From: amministrazione@rossi.example
Subject: Disdetta servizio hosting

Disdetta.
--pec-boundary--
"""

PEC_RECEIPT = """\
From: posta-certificata@pec.example
To: provider@pec.example
Subject: CONSEGNA: Re: Disdetta servizio hosting
Date: Tue, 10 Nov 2026 10:00:00 +0100
Message-ID: <receipt.20261110100000@pec.example>
In-Reply-To: <opec.20261110091500.rossi@pec.example>
X-Ricevuta: avvenuta-consegna
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="receipt-boundary"

--receipt-boundary
Content-Type: text/plain; charset="utf-8"

Ricevuta di avvenuta consegna.

--receipt-boundary
Content-Type: application/xml; name="daticert.xml"
Content-Disposition: attachment; filename="daticert.xml"

<postacert tipo="avvenuta-consegna"></postacert>
--receipt-boundary--
"""


@tagged("post_install", "-at_install")
class TestPecNotice(ItalianLawCase):
    """Codice dell'amministrazione digitale art. 48, comma 2: "La
    trasmissione del documento informatico per via telematica, effettuata
    ai sensi del comma 1, equivale, salvo che la legge disponga
    diversamente, alla notificazione per mezzo della posta"; Cass. ord.
    11808/2022: a cancellation by PEC is valid where the contract asks for
    a registered letter with return receipt.

    The terms ("dovrà essere inviata via Raccomandata a/r") accept only the
    registered letter; a business customer's hosting bought on 15 March 2026
    ends on 14 March 2027, its last day to cancel is 13 January 2027.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {"support_notice_registered_mail": True, "support_notice_pec": False}
        )
        # its PEC address, known for its e-invoices
        cls.customer.l10n_it_pec_email = "rossi.costruzioni@pec.example"
        with freeze_time("2026-03-15 10:00"):
            cls.line = cls._service(cls.hosting, cls.d(2026, 3, 15))

    def test_pec_by_the_mail_gateway_is_valid_as_registered_mail(self):
        notices = self.env["support.cancellation.notice"]
        with freeze_time("2026-11-10 09:30"):
            notice = notices.browse(
                self.env["mail.thread"].message_process(
                    "support.cancellation.notice", PEC_NOTICE
                )
            )
        self.assertEqual(notice.partner_id, self.customer)
        self.assertEqual(notice.contract_line_ids, self.line)
        self.assertEqual(notice.channel, "pec")
        self.assertEqual(notice.received_date, self.d(2026, 11, 10))
        self.assertIn("disdetta del servizio hosting", notice.note)
        self.assertIn("daticert.xml", notice.attachment_ids.mapped("name"))
        self.assertIn("PEC", notice.accepted_channels)
        self.assertTrue(notice.channel_accepted)
        self.assertIn("art. 48", notice.legal_basis)
        self.assertIn("11808/2022", notice.legal_basis)
        # the PEC provider's delivery receipt, kept on the notice
        with freeze_time("2026-11-10 10:05"):
            self.env["mail.thread"].message_process(
                "support.cancellation.notice", PEC_RECEIPT
            )
        self.assertEqual(notice.pec_receipt_ids.mapped("name"), ["daticert.xml"])
        with freeze_time("2026-11-11 10:00"):
            notice.action_confirm()
        self.assertEqual(notice.state, "confirmed")
        self.assertEqual(notice.result_ids.outcome, "on_time")
        self.assertFalse(self.line.is_auto_renew)

    def test_without_the_law_the_terms_decide(self):
        self.company.support_it_law = False
        with freeze_time("2026-11-10 09:30"):
            notice = self._consumer_notice(self.line, self.d(2026, 11, 10), "pec")
            self.assertFalse(notice.channel_accepted)
            self.assertFalse(notice.legal_basis)
            notice.action_confirm()
        self.assertEqual(notice.state, "rejected")

    def test_a_stranger_pec_is_refused(self):
        notices = self.env["support.cancellation.notice"]
        before = notices.search_count([])
        stranger = PEC_NOTICE.replace(
            "rossi.costruzioni@pec.example", "nessuno@sconosciuto.example"
        )
        with (
            freeze_time("2026-11-10 09:30"),
            mute_logger("odoo.addons.mail.models.mail_thread"),
            self.assertRaisesRegex(Exception, "No service that renews"),
        ):
            self.env["mail.thread"].message_process(
                "support.cancellation.notice", stranger
            )
        self.assertEqual(notices.search_count([]), before)

    def test_a_forged_pec_acts_for_nobody(self):
        """A stranger who writes "per conto di" the customer's PEC in the
        name of an ordinary address, or a wildcard as the address, is not the
        customer: nothing is recorded."""
        notices = self.env["support.cancellation.notice"]
        before = notices.search_count([])
        for sender in (
            '"Per conto di: rossi.costruzioni@pec.example" <truffa@evil.example>',
            "%@%",
        ):
            forged = PEC_NOTICE.replace(
                '"Per conto di: rossi.costruzioni@pec.example" '
                "<posta-certificata@pec.example>",
                sender,
            )
            with (
                self.subTest(sender=sender),
                freeze_time("2026-11-10 09:30"),
                mute_logger("odoo.addons.mail.models.mail_thread"),
                self.assertRaisesRegex(Exception, "No service that renews"),
            ):
                self.env["mail.thread"].message_process(
                    "support.cancellation.notice", forged
                )
        self.assertEqual(notices.search_count([]), before)

    def test_received_when_it_arrives_not_when_it_says(self):
        """The Date header is the sender's word: a notice dated before the
        last day to cancel but arriving after it is received when it
        arrives."""
        # dated 10 November 2026, it arrives on 20 January 2027
        backdated = PEC_NOTICE
        with freeze_time("2027-01-20 09:30"):
            notice = self.env["support.cancellation.notice"].browse(
                self.env["mail.thread"].message_process(
                    "support.cancellation.notice", backdated
                )
            )
        self.assertEqual(notice.received_date, self.d(2027, 1, 20))
        self.assertIn("2026-11-10", notice.note)
