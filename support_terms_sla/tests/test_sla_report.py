from datetime import datetime

from odoo.tests import new_test_user, tagged

from .common import PlanSlaCase


@tagged("post_install", "-at_install")
class TestSlaReport(PlanSlaCase):
    """The issue: "graph and pivot views for SLA compliance (met, missed, by
    plan, team, urgency and month) ... a 'Support terms' reporting menu with
    them"."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env,
            login="sla_report_manager",
            groups="base.group_user,support_terms_base.group_support_terms_manager",
        )

    def _stage_data(self):
        """Three BASIC requests of Friday 6 March (deadline Tuesday 10 March
        14:30 UTC): two taken in charge on Monday, one never; one urgent
        PREMIUM request of April taken in charge within its two hours."""
        met = self._ticket(datetime(2026, 3, 6, 16, 30)) | self._ticket(
            datetime(2026, 3, 6, 16, 30)
        )
        with self.at(datetime(2026, 3, 9, 15, 0)):
            met.stage_id = self.stage_done
        missed = self._ticket(datetime(2026, 3, 6, 16, 30))
        urgent = self._ticket(
            datetime(2026, 4, 7, 9, 0), partner=self.other_customer, urgent=True
        )
        with self.at(datetime(2026, 4, 7, 10, 0)):
            urgent.stage_id = self.stage_done
        return met, missed, urgent

    def _figures(self, groupby):
        groups = (
            self.env["support.sla.report"]
            .with_user(self.manager)
            .read_group(
                [("team_id", "=", self.team.id)],
                ["met_count:sum", "missed_count:sum", "compliance:avg"],
                [groupby],
                lazy=False,
            )
        )
        return {
            group[groupby][1]
            if isinstance(group[groupby], tuple)
            else group[groupby]: (
                group["met_count"],
                group["missed_count"],
                group["compliance"],
            )
            for group in groups
        }

    def test_met_and_missed_by_plan_urgency_team_and_month(self):
        self._stage_data()
        self.assertEqual(
            self._figures("plan_id"),
            {"BASIC plan": (2, 1, 200 / 3), "PREMIUM plan": (1, 0, 100.0)},
        )
        self.assertEqual(
            self._figures("urgency"),
            {"normal": (2, 1, 200 / 3), "urgent": (1, 0, 100.0)},
        )
        self.assertEqual(self._figures("team_id"), {"Assistenza SLA": (3, 1, 75.0)})
        self.assertEqual(
            self._figures("date:month"),
            {"March 2026": (2, 1, 200 / 3), "April 2026": (1, 0, 100.0)},
        )

    def test_each_request_reads_met_or_missed(self):
        met, missed, urgent = self._stage_data()
        report = self.env["support.sla.report"].with_user(self.manager)
        results = {
            row.ticket_id: row.result
            for row in report.search([("team_id", "=", self.team.id)])
        }
        self.assertEqual(
            results,
            {met[0]: "met", met[1]: "met", missed: "missed", urgent: "met"},
        )

    def test_the_reporting_menu_opens_the_graph_and_the_pivot(self):
        action = (
            self.env["ir.actions.act_window"]
            .with_user(self.manager)
            ._for_xml_id("support_terms_sla.support_sla_report_action")
        )
        self.assertEqual(action["res_model"], "support.sla.report")
        views = (
            self.env["support.sla.report"]
            .with_user(self.manager)
            .get_views([(False, "graph"), (False, "pivot"), (False, "search")])
        )
        self.assertIn("met_count", views["views"]["pivot"]["arch"])
        self.assertIn("result", views["views"]["graph"]["arch"])
        menu = self.env.ref("support_terms_sla.support_sla_report_menu")
        self.assertEqual(
            menu.parent_id,
            self.env.ref("support_terms_base.support_terms_reporting_menu"),
        )
        visible = self.env["ir.ui.menu"].with_user(self.manager)._visible_menu_ids()
        self.assertIn(menu.id, visible)
        agent = new_test_user(
            self.env,
            login="sla_report_agent",
            groups="base.group_user,support_terms_base.group_support_terms_user",
        )
        self.assertNotIn(
            menu.id, self.env["ir.ui.menu"].with_user(agent)._visible_menu_ids()
        )
