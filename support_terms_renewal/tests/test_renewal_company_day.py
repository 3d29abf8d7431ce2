from freezegun import freeze_time

from odoo.tests import tagged

from .common import RenewalCase


@tagged("post_install", "-at_install")
class TestRenewalOnEachCompanyDay(RenewalCase):
    """The terms: hosting "saranno rinnovati tacitamente, in automatico, di
    anno in anno a scadenza solare". Two providers, one in Rome and one in
    New York, share the scheduled action: each service renews the day after
    its last day to cancel, on its own company's day."""

    def test_each_provider_renews_on_its_own_day(self):
        company_ny = self.env["res.company"].create({"name": "Provider NY Inc"})
        company_ny.partner_id.tz = "America/New_York"
        self.env.user.company_ids |= company_ny
        hosting_ny = self._create_product("Hosting NY", company_ny)
        hosting_ny.product_tmpl_id.write(
            {
                "service_kind": "hosting",
                "renewal_policy": "anniversary",
                "notice_days": 60,
            }
        )
        rome = self._service(self.hosting, self.d(2026, 3, 15))
        _contract, new_york = self._create_contract(
            self.customer,
            hosting_ny,
            self.d(2026, 3, 15),
            None,
            company=company_ny,
            is_auto_renew=True,
            auto_renew_rule_type="yearly",
            auto_renew_interval=1,
        )
        self.assertEqual(rome.notice_deadline, self.d(2027, 1, 13))
        self.assertEqual(new_york.notice_deadline, self.d(2027, 1, 13))
        # 00:30 UTC: 14 January in Rome, still 13 January in New York
        with freeze_time("2027-01-14 00:30:00"):
            self.run_renewal()
            self.run_renewal()
        self.assertEqual(rome.date_end, self.d(2028, 3, 14))
        self.assertEqual(new_york.date_end, self.d(2027, 3, 14), "not before its day")
        # 05:30 UTC: 14 January in New York too
        with freeze_time("2027-01-14 05:30:00"):
            self.run_renewal()
        self.assertEqual(rome.date_end, self.d(2028, 3, 14))
        self.assertEqual(new_york.date_end, self.d(2028, 3, 14))
