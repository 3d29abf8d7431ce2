from datetime import date

from freezegun import freeze_time
from lxml import etree

from odoo.tests import new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from .common import RenewalCase


@tagged("post_install", "-at_install")
class TestServicesListRenewal(RenewalCase):
    """The services list says when each service must be cancelled and how
    many days are left, red when a week or less, yellow within a month.

    Issue scenario: "a services list (customer, plan, state, end, last day
    to cancel, days left, notice) coloured by urgency"; terms: "la disdetta
    deve pervenire almeno 60 giorni prima della scadenza".
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = new_test_user(
            cls.env,
            login="renewal_list_user",
            groups="base.group_user,support_terms_base.group_support_terms_user",
        )
        cls.line = cls._service(cls.hosting, date(2025, 6, 1))

    def _arch(self):
        view = self.env.ref("support_terms_base.contract_line_view_list_services")
        lines = self.env["contract.line"].with_user(self.user)
        return etree.fromstring(
            lines.get_views([(view.id, "list")])["views"]["list"]["arch"]
        )

    def _row(self, on_day):
        with freeze_time(on_day):
            line = self.line.with_user(self.user)
            line.invalidate_recordset()
            return line.read(
                [
                    "service_status",
                    "is_auto_renew",
                    "notice_deadline",
                    "notice_days_left",
                ]
            )[0]

    def _colour(self, row):
        """The decoration the web client applies to the row."""
        root = self._arch()
        values = dict(row, context={})
        for colour in ("danger", "warning"):
            expression = root.get(f"decoration-{colour}")
            if expression and safe_eval(expression, values):
                return colour
        return None

    def test_columns(self):
        names = [f.get("name") for f in self._arch().iter("field")]
        for name in ("notice_deadline", "notice_days_left", "cancellation_notice_ids"):
            self.assertIn(name, names)

    def test_coloured_by_days_left_to_cancel(self):
        # ends on 31 May 2026: the last day to cancel is 60 days before
        self.assertEqual(self.line.notice_deadline, date(2026, 4, 1))
        row = self._row("2026-01-10")
        self.assertEqual(row["notice_days_left"], 81)
        self.assertIsNone(self._colour(row))
        row = self._row("2026-03-10")
        self.assertEqual(row["notice_days_left"], 22)
        self.assertEqual(self._colour(row), "warning")
        row = self._row("2026-03-28")
        self.assertEqual(row["notice_days_left"], 4)
        self.assertEqual(self._colour(row), "danger")
