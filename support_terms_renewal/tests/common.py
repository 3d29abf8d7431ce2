from datetime import date, datetime

from odoo.addons.support_terms_base.tests.common import SupportTermsBaseCase


class RenewalCase(SupportTermsBaseCase):
    """Services of an Italian hosting provider, renewed tacitly.

    Only what this addon knows: products that renew by a policy, no support
    plans.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the provider's time zone decides the day a notice was received
        cls.company.partner_id.tz = "Europe/Rome"
        # reminders are off until a company turns them on
        cls.company.support_renewal_reminders = True
        cls.customer.email = "amministrazione@rossi.example"
        cls.other_customer.email = "info@bianchi.example"
        cls.hosting = cls._service_product("Hosting annuale", "hosting", "anniversary")
        cls.showcase = cls._service_product(
            "Vetrina aziendale", "showcase", "calendar_year"
        )
        cls.renew_cron = cls.env.ref(
            "contract_line_successor.contract_line_cron_for_renew"
        )

    @classmethod
    def _service_product(cls, name, kind, policy):
        product = cls._create_product(name, cls.company)
        product.product_tmpl_id.write(
            {"service_kind": kind, "renewal_policy": policy, "notice_days": 60}
        )
        return product

    @classmethod
    def _service(cls, product, start, partner=None):
        """A contract with one auto-renewing line of ``product``, sold on
        ``start``: its first period is the one its policy gives."""
        _contract, line = cls._create_contract(
            partner or cls.customer,
            product,
            start,
            None,
            is_auto_renew=True,
            auto_renew_rule_type="yearly",
            auto_renew_interval=1,
        )
        return line

    def run_renewal(self):
        return self.run_like_the_cron_worker(self.renew_cron)

    @staticmethod
    def d(year, month, day):
        return date(year, month, day)


class CancellationNoticeCase(RenewalCase):
    """A hosting registered on 15 March 2025: it ends on 14 March 2026, its
    last day to cancel is 13 January 2026."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.line = cls._service(cls.hosting, cls.d(2025, 3, 15))

    def _notice(self, received, channel="pec", lines=None, **values):
        """A notice received at ``received`` (a day: its first minute)."""
        if not isinstance(received, datetime):
            received = datetime.combine(received, datetime.min.time())
        return self.env["support.cancellation.notice"].create(
            dict(
                {
                    "partner_id": self.contact.id,
                    "contract_line_ids": [
                        (6, 0, (self.line if lines is None else lines).ids)
                    ],
                    "received_at": received,
                    "channel": channel,
                },
                **values,
            )
        )

    def _customer_mails(self, notice):
        return notice.message_ids.filtered(
            lambda m: self.customer in m.partner_ids
            and m.message_type != "notification"
        )
