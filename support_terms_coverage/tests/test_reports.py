from datetime import date

from freezegun import freeze_time

from odoo.tests import new_test_user, tagged

from .common import CoverageCase


@tagged("post_install", "-at_install")
class TestCoverageReports(CoverageCase):
    """The issue: "Reports: graph and pivot views for ... extras and charges
    billed, credits sold, used and expired ... a 'Support terms' reporting
    menu with them"."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.support_credit_grant_on = "posted"
        cls.manager = new_test_user(
            cls.env,
            login="coverage_report_manager",
            groups="base.group_user,support_terms_base.group_support_terms_manager",
        )

    def _read_group(self, model, domain, fields, groupby):
        return (
            self.env[model]
            .with_user(self.manager)
            .read_group(domain, fields, groupby, lazy=False)
        )

    def test_credits_sold_used_and_expired_by_month(self):
        """Two packs of 10 bought in June 2025, 3 credits used in July by a
        log analysis (the rule's credits), the rest expired after 365 days."""
        with freeze_time("2025-06-01"):
            self._invoice(date=date(2025, 6, 1))
            self._invoice(date=date(2025, 6, 1), partner=self.other_customer)
        with freeze_time("2025-07-15"):
            ticket = self._ticket(self.cat_logs)
            wizard = (
                self.env["support.credit.charge.wizard"]
                .with_context(default_ticket_id=ticket.id)
                .create({})
            )
            self.assertEqual(wizard.credits, 3)
            wizard.action_confirm()
        with freeze_time("2026-06-01"):
            cron = self.env.ref("support_terms_coverage.ir_cron_expire_credits")
            self.run_like_the_cron_worker(cron)
        customers = [("partner_id", "in", (self.customer | self.other_customer).ids)]
        groups = self._read_group(
            "support.credit.report",
            customers,
            ["sold:sum", "used:sum", "expired:sum"],
            ["date:month"],
        )
        self.assertEqual(
            [
                (g["date:month"], g["sold"], g["used"], g["expired"])
                for g in groups
                if g["sold"] or g["used"] or g["expired"]
            ],
            [
                ("June 2025", 20.0, 0.0, 0.0),
                ("July 2025", 0.0, 3.0, 0.0),
                # on the packs' last valid day
                ("May 2026", 0.0, 0.0, 17.0),
            ],
        )
        by_type = self._read_group(
            "support.credit.report", customers, ["credits:sum"], ["move_type"]
        )
        self.assertEqual(
            {g["move_type"]: g["credits"] for g in by_type},
            {"grant": 20.0, "consumption": 3.0, "expiry": 17.0},
        )

    def test_charges_billed_by_kind_and_state(self):
        """Two repairs due to misuse charged at their fixed fee and invoiced
        by the monthly action, one cancelled, one still to invoice."""
        for _i in range(2):
            self._ticket(self.cat_misuse).action_charge_fixed_fee()
        self.run_like_the_cron_worker(
            self.env.ref("support_terms_coverage.ir_cron_invoice_charges")
        )
        cancelled = self._ticket(self.cat_misuse)
        cancelled.action_charge_fixed_fee()
        cancelled.support_charge_ids.action_cancel()
        self._ticket(self.cat_misuse).action_charge_fixed_fee()
        mine = [("partner_id", "=", self.customer.id)]
        groups = self._read_group(
            "support.ticket.charge",
            mine + [("state", "!=", "cancelled")],
            ["amount:sum"],
            ["kind", "state"],
        )
        self.assertEqual(
            {(g["kind"], g["state"]): (g["__count"], g["amount"]) for g in groups},
            {
                ("outside_plan", "invoiced"): (2, 160.0),
                ("outside_plan", "to_invoice"): (1, 80.0),
            },
        )
        charge = self.env["support.ticket.charge"].search(mine, limit=1)
        by_month = self._read_group(
            "support.ticket.charge", mine, ["amount:sum"], ["create_date:month"]
        )
        self.assertEqual(
            [(g["create_date:month"], g["amount"]) for g in by_month],
            [(charge.create_date.strftime("%B %Y"), 320.0)],
        )

    def test_the_reports_open_as_graph_and_pivot(self):
        menus = self.env["ir.ui.menu"].with_user(self.manager)._visible_menu_ids()
        for xmlid, model, menu in (
            (
                "support_terms_coverage.support_ticket_charge_report_action",
                "support.ticket.charge",
                "support_terms_coverage.support_ticket_charge_report_menu",
            ),
            (
                "support_terms_coverage.support_credit_report_action",
                "support.credit.report",
                "support_terms_coverage.support_credit_report_menu",
            ),
        ):
            with self.subTest(model=model):
                action = (
                    self.env["ir.actions.act_window"]
                    .with_user(self.manager)
                    ._for_xml_id(xmlid)
                )
                self.assertEqual(action["res_model"], model)
                self.assertEqual(action["view_mode"].split(",")[:2], ["graph", "pivot"])
                views = (
                    self.env[model]
                    .with_user(self.manager)
                    .get_views(
                        [(v, m) for v, m in action["views"]]
                        + [(action["search_view_id"][0], "search")]
                    )
                )
                self.assertIn("graph", views["views"])
                self.assertIn("pivot", views["views"])
                self.assertIn(self.env.ref(menu).id, menus)
