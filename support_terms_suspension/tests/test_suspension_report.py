from datetime import date, timedelta

from freezegun import freeze_time

from odoo.tests import tagged

from .common import DUE, LatePaymentCase


@tagged("post_install", "-at_install")
class TestSuspensionReport(LatePaymentCase):
    """The issue: "Reports: graph and pivot views for ... suspensions and
    fees ... a 'Support terms' reporting menu with them"."""

    def _stage_data(self):
        """The customer suspended on 3 March 2026 and reactivated after paying
        late (a 20 EUR fee); the other customer suspended on 2 April, still
        unpaid."""
        invoice = self._invoice()
        late = self._invoice(partner=self.other_customer, due=date(2026, 4, 1))
        with freeze_time(DUE + timedelta(days=1)):
            self.run_cron()
        with freeze_time(DUE + timedelta(days=5)):
            self._pay(invoice, DUE + timedelta(days=5))
            self.run_cron()
        with freeze_time(date(2026, 4, 2)):
            self.run_cron()
        self.assertTrue(late.support_suspension_id)
        return self.suspensions() | self.suspensions(self.other_customer)

    def _groups(self, groupby):
        return (
            self.env["support.service.suspension"]
            .with_user(self.manager)
            .read_group(
                [("partner_id", "in", (self.customer | self.other_customer).ids)],
                ["fee_amount:sum"],
                groupby,
                lazy=False,
            )
        )

    def test_suspensions_and_fees_by_month(self):
        self._stage_data()
        self.assertEqual(
            [
                (g["date_start:month"], g["__count"], g["fee_amount"])
                for g in self._groups(["date_start:month"])
            ],
            [("March 2026", 1, 20.0), ("April 2026", 1, 0.0)],
        )
        self.assertEqual(
            {
                (g["state"], g["fee_state"]): (g["__count"], g["fee_amount"])
                for g in self._groups(["state", "fee_state"])
            },
            {("lifted", "invoiced"): (1, 20.0), ("active", False): (1, 0.0)},
        )

    def test_the_report_opens_as_graph_and_pivot(self):
        action = (
            self.env["ir.actions.act_window"]
            .with_user(self.manager)
            ._for_xml_id(
                "support_terms_suspension.support_service_suspension_report_action"
            )
        )
        self.assertEqual(action["view_mode"].split(",")[:2], ["graph", "pivot"])
        views = (
            self.env["support.service.suspension"]
            .with_user(self.manager)
            .get_views(action["views"] + [(action["search_view_id"][0], "search")])
        )
        self.assertIn("fee_state", views["views"]["pivot"]["arch"])
        self.assertIn("reason", views["views"]["graph"]["arch"])
        menu = self.env.ref(
            "support_terms_suspension.support_service_suspension_report_menu"
        )
        self.assertIn(
            menu.id, self.env["ir.ui.menu"].with_user(self.manager)._visible_menu_ids()
        )
