from email.utils import format_datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import ValidationError

from odoo.addons.support_terms_base.tests.common import SupportTermsBaseCase


class SupportPlanCase(SupportTermsBaseCase):
    """The base case, plus the plans the customers' contracts grant, and
    requests reaching the helpdesk by email.

    Everything is created here, on the real database: no demo data is assumed,
    and nothing of the other support_terms features is needed.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the tests choose their teams: none for requests that name none
        cls.company.support_team_id = False
        cls.plan_premium = cls._create_plan("PREMIUM", cls.product_premium, sequence=5)
        cls.plan_basic = cls._create_plan("BASIC", cls.product_basic, sequence=10)

    @classmethod
    def _create_products(cls):
        cls.product_premium = cls._create_product("PREMIUM plan", cls.company)
        cls.product_basic = cls._create_product("BASIC plan", cls.company)
        return super()._create_products()

    @classmethod
    def _create_plan(cls, code, products, sequence=10, company=None, **values):
        company = company or cls.company
        return cls.env["support.plan"].create(
            {
                "name": f"{code} plan",
                "code": code,
                "sequence": sequence,
                "company_id": company.id,
                "product_ids": [Command.set(products.ids)],
                **values,
            }
        )

    def _assert_refused(self, message, **values):
        """Creating a plan with ``values`` is refused with ``message``;
        nothing is written."""
        plans = self.env["support.plan"]
        before = plans.search_count([])
        with self.assertRaises(ValidationError) as caught:
            plans.create(dict({"name": "Broken", "code": "BROKEN"}, **values))
        self.assertIn(message, str(caught.exception))
        self.assertEqual(plans.search_count([]), before)

    def receive_email(
        self,
        sender,
        to,
        subject,
        moment,
        message_id,
        in_reply_to=None,
        body="Il sito è lento.",
        custom_values=None,
        cc=None,
        extra_headers=(),
    ):
        """An email reaching Odoo's mail gateway at ``moment``, as the fetchmail
        server delivers it. Returns the id of the ticket it went to."""
        headers = [
            f"From: {sender}",
            f"To: {to}",
            f"Subject: {subject}",
            f"Message-ID: {message_id}",
            f"Date: {format_datetime(moment.replace(tzinfo=None), usegmt=False)}",
        ]
        headers.extend(extra_headers)
        if cc:
            headers.append(f"Cc: {cc}")
        if in_reply_to:
            headers.append(f"In-Reply-To: {in_reply_to}")
            headers.append(f"References: {in_reply_to}")
        raw = "\n".join(
            [*headers, "Content-Type: text/plain; charset=utf-8", "", body, ""]
        )
        with freeze_time(moment):
            return self.env["mail.thread"].message_process(
                "helpdesk.ticket", raw, custom_values=custom_values
            )


# a sender that matches no contact
UNKNOWN_ADDRESS = "luca.verdi@webmail.example"


class UnknownRequesterChecks:
    """A request mailed from an address that matches no contact: the
    requester is known only by the ticket's email, which every customer
    email of the ticket reaches (as the email's To), without creating a
    contact. Needs ``self.team`` and the moment ``T0`` of the request."""

    def _receive(self, subject="Posta non arriva"):
        partners_before = self.env["res.partner"].search_count([])
        ticket = self.env["helpdesk.ticket"].browse(
            self.receive_email(
                f"Luca Verdi <{UNKNOWN_ADDRESS}>",
                f"{self.team.alias_name or 'assistenza'}@example.com",
                subject,
                self.T0,
                "<first@webmail.example>",
                body="Da stamattina la posta non arriva.",
                custom_values={"team_id": self.team.id},
            )
        )
        self.assertFalse(ticket.partner_id)
        self.assertIn(UNKNOWN_ADDRESS, ticket.partner_email)
        self.assertEqual(ticket.partner_name, "Luca Verdi")
        self.assertEqual(self.env["res.partner"].search_count([]), partners_before)
        return ticket

    def _mails_to_requester(self, ticket, subject_words):
        self.env.cr.precommit.run()  # tracking and its stage emails
        mails = self.env["mail.mail"].search(
            [
                ("model", "=", "helpdesk.ticket"),
                ("res_id", "=", ticket.id),
                ("subject", "ilike", subject_words),
            ]
        )
        return mails.filtered(lambda mail: UNKNOWN_ADDRESS in (mail.email_to or ""))

    def _assert_no_new_contact(self):
        self.assertFalse(
            self.env["res.partner"]
            .with_context(active_test=False)
            .search([("email", "ilike", UNKNOWN_ADDRESS)])
        )
