from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException

from .test_acceptance import AcceptanceCase


@tagged("post_install", "-at_install")
class TestTermsReadOverJsonRpc(HttpCase, AcceptanceCase):
    """Art. 1341: the acceptance and the specific approval in writing are the
    evidence of what the customer agreed to. Over JSON-RPC a portal customer
    reads the clauses of its own provider and its own acceptances only; it
    never records, changes or reads another customer's evidence, nor the
    terms another company offers. Agents read the terms; they do not write
    them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_company = cls.env["res.company"].create({"name": "Altro Hosting"})
        cls.other_clause = (
            cls.env["support.terms.clause"]
            .with_company(cls.other_company)
            .create(
                {
                    "company_id": cls.other_company.id,
                    "name": "Clausola riservata",
                    "text": "Condizioni di un altro fornitore.",
                }
            )
        )
        cls.giulia = new_test_user(
            cls.env,
            login="giulia_terms_rpc",
            password="giulia_terms_rpc",
            groups="base.group_portal",
            partner_id=cls.consumer.id,
        )
        new_test_user(
            cls.env,
            login="mario_terms_rpc",
            password="mario_terms_rpc",
            groups="base.group_portal",
            partner_id=cls.customer.id,
        )
        Acceptance = cls.env["support.terms.acceptance"]
        cls.own = Acceptance.create(
            {
                "partner_id": cls.consumer.id,
                "signed_by": "Giulia Verdi",
                "approved_clause_ids": cls.clause_renewal.ids,
            }
        )
        cls.others = Acceptance.create(
            {
                "partner_id": cls.customer.id,
                "signed_by": "Mario Rossi",
                "source_address": "pec@rossi.example",
            }
        )

    def call(self, model, method, *args, **kwargs):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def assertRefused(self, model, method, *args, error="AccessError", **kwargs):
        with self.assertRaises(JsonRpcException) as caught:
            self.call(model, method, *args, **kwargs)
        self.assertEqual(str(caught.exception), f"odoo.exceptions.{error}")

    def _evidence(self):
        self.env.invalidate_all()
        acceptances = self.env["support.terms.acceptance"].search([])
        return [
            (
                a.partner_id,
                a.terms_version,
                a.signed_by,
                a.approved_clause_ids,
                a.attachment_ids,
            )
            for a in acceptances
        ]

    def test_portal_reads_its_companys_clauses_and_its_own_acceptances(self):
        """Giulia reads the terms she accepts and what she approved; Mario's
        acceptance and the clauses of another provider are not hers to
        read."""
        self.authenticate("giulia_terms_rpc", "giulia_terms_rpc")
        clauses = self.call("support.terms.clause", "search_read", [], ["name"])
        self.assertEqual(
            {row["id"] for row in clauses},
            set(self.company.support_terms_clause_ids.ids),
        )
        self.assertRefused(
            "support.terms.clause", "read", self.other_clause.ids, ["text"]
        )
        acceptances = self.call(
            "support.terms.acceptance", "search_read", [], ["signed_by"]
        )
        self.assertEqual([row["id"] for row in acceptances], self.own.ids)
        self.assertRefused(
            "support.terms.acceptance", "read", self.others.ids, ["source_address"]
        )
        self.assertFalse(
            self.call(
                "support.terms.acceptance",
                "search",
                [("partner_id", "=", self.customer.id)],
            )
        )

    def test_portal_cannot_record_or_change_an_acceptance(self):
        """The portal's form records the main contact's own acceptance, with
        the address it came from; over JSON-RPC a customer would accept for
        another customer, or approve clauses it never approved."""
        before = self._evidence()
        self.authenticate("giulia_terms_rpc", "giulia_terms_rpc")
        for partner in (self.consumer, self.customer):
            with self.subTest(partner=partner.name):
                self.assertRefused(
                    "support.terms.acceptance",
                    "create",
                    {
                        "partner_id": partner.id,
                        "signed_by": "Giulia Verdi",
                        "channel": "portal",
                        "approved_clause_ids": [(6, 0, self.clause_no_refund.ids)],
                    },
                )
        # the evidence never changes, whoever asks; nor does its scan for her
        for values in (
            {"approved_clause_ids": [(4, self.clause_no_refund.id)]},
            {"terms_version": "2099-01"},
            {"partner_id": self.customer.id},
        ):
            with self.subTest(write=values):
                self.assertRefused(
                    "support.terms.acceptance",
                    "write",
                    self.own.ids,
                    values,
                    error="UserError",
                )
        self.assertRefused(
            "support.terms.acceptance",
            "write",
            self.own.ids,
            {"attachment_ids": [(0, 0, {"name": "firma.pdf", "datas": "eA=="})]},
        )
        self.assertRefused("support.terms.acceptance", "unlink", self.own.ids)
        self.assertRefused(
            "support.terms.clause",
            "write",
            self.clause_renewal.ids,
            {"specific_approval": False},
        )
        self.assertEqual(self._evidence(), before, "nothing written")

    def test_agent_reads_the_terms_but_does_not_write_them(self):
        """The terms and their acceptances are set by the support terms
        managers: an agent reads them to answer the customer."""
        before = self._evidence()
        self.authenticate("terms_agent", "terms_agent")
        rows = self.call(
            "support.terms.acceptance", "read", self.others.ids, ["signed_by"]
        )
        self.assertEqual(rows[0]["signed_by"], "Mario Rossi")
        self.assertRefused(
            "support.terms.acceptance",
            "create",
            {"partner_id": self.customer.id, "signed_by": "Mario Rossi"},
        )
        self.assertRefused(
            "support.terms.clause",
            "write",
            self.clause_no_refund.ids,
            {"specific_approval": False},
        )
        self.assertRefused(
            "support.terms.clause",
            "create",
            {"name": "Nuova clausola", "text": "Testo."},
        )
        self.assertEqual(self._evidence(), before, "nothing written")
        self.assertTrue(self.clause_no_refund.specific_approval)
