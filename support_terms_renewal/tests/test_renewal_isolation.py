from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.support_terms_base.tests.common import FailureChecks

from .common import RenewalCase


@tagged("post_install", "-at_install")
class TestRenewalIsolation(FailureChecks, RenewalCase):
    def test_line_oca_cannot_renew_does_not_stop_the_others(self):
        """A line typed to renew every -1 years: OCA's renew() refuses it."""
        self.env["ir.config_parameter"].set_param("support_terms.renewal_batch_size", 2)
        plain = self._create_product("Hosting senza politica", self.company)
        lines = self.env["contract.line"]
        for partner in (self.customer, self.other_customer, self.customer):
            _contract, line = self._create_contract(
                partner,
                plain,
                date(2025, 3, 1),
                date(2026, 2, 28),
                is_auto_renew=True,
                auto_renew_rule_type="yearly",
                auto_renew_interval=1,
            )
            lines |= line
        _contract, poison = self._create_contract(
            self.customer,
            plain,
            date(2025, 3, 1),
            date(2026, 2, 28),
            is_auto_renew=True,
            auto_renew_rule_type="yearly",
            auto_renew_interval=-1,
        )
        with freeze_time("2026-02-20"):
            self.run_with_poison(self.run_renewal)
            for line in lines:
                self.assertEqual(line._current_line().date_end, date(2027, 2, 28))
            self.assertEqual(poison.date_end, date(2026, 2, 28))
            self.assertFalse(poison.successor_contract_line_id)
            self.assert_set_aside(poison, 1, "ValidationError")
        with freeze_time("2026-02-20 06:00"):  # a later run tries it again
            self.run_with_poison(self.run_renewal)
            self.assert_set_aside(poison, 2, "ValidationError")
        for line in lines:
            self.assertEqual(line._current_line().date_end, date(2027, 2, 28))
        # fixed by hand: renewed by the next run, failure forgotten
        poison.auto_renew_interval = 1
        with freeze_time("2026-02-21"):
            self.run_renewal()
        self.assertEqual(poison._current_line().date_end, date(2027, 2, 28))
        self.assertFalse(self.failure(poison))
