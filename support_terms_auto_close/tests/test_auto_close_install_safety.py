from datetime import datetime
from types import SimpleNamespace

from freezegun import freeze_time

from odoo.modules.loading import load_data
from odoo.modules.module import get_manifest
from odoo.tests import tagged

from odoo.addons.support_terms_plan.tests.common import SupportPlanCase


@tagged("post_install", "-at_install")
class TestAutoCloseInstallOnALiveDatabase(SupportPlanCase):
    """A provider already using the helpdesk installs the addon: its company
    existed before it, with requests without a plan. None of them is closed
    until the company turns the closing of requests without a plan on."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a company as the install finds it: its new columns at their defaults
        cls.live = cls.env["res.company"].create({"name": "Provider Live Srl"})
        cls.env.user.company_ids |= cls.live
        cls.requester = cls.env["res.partner"].create(
            {
                "name": "Cliente senza piano",
                "is_company": True,
                "email": "cliente@example.com",
            }
        )
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {"name": "Assistenza Live", "company_id": cls.live.id}
        )
        cls.waiting = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_awaiting")

    def _load_addon_data(self, mode):
        """What installing (``init``) support_terms_auto_close loads: the data
        files of its manifest, by Odoo's own loader."""
        package = SimpleNamespace(
            name="support_terms_auto_close",
            data=get_manifest("support_terms_auto_close"),
        )
        load_data(self.env(su=True), {}, mode, "data", package)
        self.env.invalidate_all()

    def _mails_to_customers(self):
        return self.env["mail.mail"].search(
            [("recipient_ids", "in", self.requester.ids)]
        )

    def test_install_closes_no_request_without_a_plan_until_turned_on(self):
        with freeze_time(datetime(2026, 6, 1, 10)):
            ticket = self.env["helpdesk.ticket"].create(
                {
                    "name": "Sito lento",
                    "description": "<p>Il sito è lento</p>",
                    "partner_id": self.requester.id,
                    "team_id": self.team.id,
                    "company_id": self.live.id,
                }
            )
            ticket.stage_id = self.waiting
        self.assertFalse(ticket.support_plan_id)
        self.assertFalse(ticket.auto_close_date)
        mails_before = self._mails_to_customers()
        cron = self.env.ref("support_terms_auto_close.ir_cron_auto_close_tickets")
        with freeze_time(datetime(2026, 7, 1, 10)):
            self._load_addon_data("init")
            self.run_like_the_cron_worker(cron)
            self.run_like_the_cron_worker(cron)
        self.assertEqual(ticket.stage_id, self.waiting)
        self.assertFalse(ticket.auto_close_warned_date)
        self.assertEqual(self._mails_to_customers(), mails_before)

        self.env["res.config.settings"].with_company(self.live).create(
            {"support_auto_close_without_plan": True}
        ).execute()
        # the team's days now count: 7 days of waiting, warned 2 days before
        self.assertEqual(ticket.auto_close_date, datetime(2026, 6, 8, 10))
        with freeze_time(datetime(2026, 7, 1, 11)):
            self.run_like_the_cron_worker(cron)
        self.assertTrue(ticket.auto_close_warned_date)
        self.assertEqual(len(self._mails_to_customers() - mails_before), 1)
