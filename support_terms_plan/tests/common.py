from email.utils import format_datetime

from freezegun import freeze_time

from odoo import Command

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
