from datetime import date

from .common import SupportTermsCase


class RenewalCase(SupportTermsCase):
    """Services of an Italian hosting provider, renewed tacitly (seed 000)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the provider's time zone decides the day a notice was received
        cls.company.partner_id.tz = "Europe/Rome"
        cls.customer.email = "amministrazione@rossi.example"
        cls.other_customer.email = "info@bianchi.example"
        cls.hosting = cls._service_product("Hosting annuale", "hosting", "anniversary")
        cls.showcase = cls._service_product(
            "Vetrina aziendale", "showcase", "calendar_year"
        )
        cls.plan_product = cls._service_product(
            "Piano di assistenza", "support_plan", "anniversary"
        )
        cls.plan_assistance = cls._create_plan("ASSIST", cls.plan_product, sequence=1)
        cls.plan_assistance.write(
            {"refund_window_hours": 24, "renewal_reminder_days": 30}
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
