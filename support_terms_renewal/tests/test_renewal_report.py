from freezegun import freeze_time

from odoo.tests import new_test_user, tagged

from .common import CancellationNoticeCase


@tagged("post_install", "-at_install")
class TestRenewalReport(CancellationNoticeCase):
    """The issue: "Reports: graph and pivot views for ... renewals and
    cancellations by month ... a 'Support terms' reporting menu with them"."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env,
            login="renewal_report_manager",
            groups="base.group_user,support_terms_base.group_support_terms_manager",
        )

    def _stage_data(self):
        """The hosting of 15 March 2025 cancelled on time (it ends on 14 March
        2026); another customer's hosting of 20 March 2025 renewed tacitly
        (from 20 March 2026); a showcase of June 2026 renewed for 2027."""
        renewed = self._service(
            self.hosting, self.d(2025, 3, 20), partner=self.other_customer
        )
        showcase = self._service(self.showcase, self.d(2026, 6, 10))
        with freeze_time("2026-01-10"):
            notice = self._notice(self.d(2026, 1, 10))
            notice.action_confirm()
        with freeze_time("2026-01-20"):
            self.run_renewal()
        with freeze_time("2026-11-02"):
            self.run_renewal()
        self.assertEqual(renewed.previous_period_end, self.d(2026, 3, 19))
        self.assertEqual(showcase.previous_period_end, self.d(2026, 12, 31))
        return renewed, showcase

    def _groups(self, groupby):
        return (
            self.env["support.renewal.report"]
            .with_user(self.manager)
            .read_group(
                [("partner_id", "in", (self.customer | self.other_customer).ids)],
                ["renewal_count:sum", "cancellation_count:sum"],
                groupby,
                lazy=False,
            )
        )

    def test_renewals_and_cancellations_by_month(self):
        self._stage_data()
        self.assertEqual(
            [
                (g["date:month"], g["renewal_count"], g["cancellation_count"])
                for g in self._groups(["date:month"])
            ],
            [("March 2026", 1, 1), ("January 2027", 1, 0)],
        )

    def test_each_row_names_its_service_and_outcome(self):
        renewed, showcase = self._stage_data()
        rows = (
            self.env["support.renewal.report"]
            .with_user(self.manager)
            .search([("partner_id", "in", (self.customer | self.other_customer).ids)])
        )
        self.assertEqual(
            {(r.kind, r.line_id, r.date, r.outcome or None) for r in rows},
            {
                ("cancellation", self.line, self.d(2026, 3, 14), "on_time"),
                ("renewal", renewed, self.d(2026, 3, 20), None),
                ("renewal", showcase, self.d(2027, 1, 1), None),
            },
        )

    def test_the_report_opens_as_graph_and_pivot(self):
        action = (
            self.env["ir.actions.act_window"]
            .with_user(self.manager)
            ._for_xml_id("support_terms_renewal.support_renewal_report_action")
        )
        views = (
            self.env["support.renewal.report"]
            .with_user(self.manager)
            .get_views([(False, "graph"), (False, "pivot"), (False, "search")])
        )
        self.assertEqual(action["view_mode"], "graph,pivot,list")
        self.assertIn("renewal_count", views["views"]["pivot"]["arch"])
        menu = self.env.ref("support_terms_renewal.support_renewal_report_menu")
        self.assertIn(
            menu.id, self.env["ir.ui.menu"].with_user(self.manager)._visible_menu_ids()
        )
