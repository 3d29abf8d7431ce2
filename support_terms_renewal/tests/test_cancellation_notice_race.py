from datetime import date

from odoo import SUPERUSER_ID, Command, api
from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestTwoNoticesAtTheSameInstant(TransactionCase):
    """The terms: "L' eventuale disdetta ... dovrà essere inviata via
    Raccomandata a/r almeno 60 giorni prima della scadenza": one notice
    cancels a period. A customer who presses "send" twice, or two of its
    users at once, gets one notice for the period: the second, recorded in
    a transaction that could not see the first, is refused by the database.

    The data is committed (other cursors cannot see this test's
    transaction), then removed at the end.
    """

    def _env(self, cr):
        return api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})

    def _setup_committed(self):
        with self.registry.cursor() as cr:
            env = self._env(cr)
            product = env["product.product"].create(
                {
                    "name": "Two-cursor hosting",
                    "type": "service",
                    "service_kind": "hosting",
                    "renewal_policy": "anniversary",
                    "notice_days": 60,
                }
            )
            partner = env["res.partner"].create(
                {"name": "Two-cursor customer", "is_company": True}
            )
            contract = env["contract.contract"].create(
                {
                    "name": "Two-cursor contract",
                    "partner_id": partner.id,
                    "line_recurrence": True,
                    "contract_line_ids": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "name": "Two-cursor hosting",
                                "quantity": 1,
                                "price_unit": 100.0,
                                "recurring_rule_type": "yearly",
                                "recurring_interval": 1,
                                "date_start": date(2025, 3, 15),
                                "is_auto_renew": True,
                                "auto_renew_interval": 1,
                                "auto_renew_rule_type": "yearly",
                            }
                        )
                    ],
                }
            )
            return {
                "product": product.id,
                "partner": partner.id,
                "contract": contract.id,
                "line": contract.contract_line_ids.id,
            }

    def _cleanup(self, data):
        with self.registry.cursor() as cr:
            env = self._env(cr)
            env["support.cancellation.notice"].search(
                [("partner_id", "=", data["partner"])]
            ).unlink()
            env["contract.contract"].browse(data["contract"]).unlink()
            env["res.partner"].browse(data["partner"]).unlink()
            env["product.product"].browse(data["product"]).unlink()

    def _portal_request(self, env, data):
        """What the portal's cancellation form records."""
        line = env["contract.line"].browse(data["line"])
        return (
            env["support.cancellation.notice"]
            .with_company(line.company_id)
            .create(
                {
                    "partner_id": data["partner"],
                    "company_id": line.company_id.id,
                    "contract_line_ids": [Command.set(line.ids)],
                    "channel": "portal",
                    "note": "Disdetta",
                }
            )
        )

    def test_two_requests_at_once_make_one_notice(self):
        data = self._setup_committed()
        try:
            cr_a = self.registry.cursor()
            cr_b = self.registry.cursor()
            try:
                cr_b.execute("SET LOCAL lock_timeout = '5s'")
                env_a, env_b = self._env(cr_a), self._env(cr_b)
                # both requests arrive: B's transaction has begun and reads
                # the service before A's notice is committed
                self.assertTrue(env_b["contract.line"].browse(data["line"]).date_end)
                self._portal_request(env_a, data)
                cr_a.commit()
                with (
                    mute_logger("odoo.sql_db"),
                    self.assertRaises(ValidationError) as caught,
                ):
                    self._portal_request(env_b, data)
                self.assertIn(
                    "already have a cancellation notice", str(caught.exception)
                )
                cr_b.rollback()
            finally:
                cr_a.close()
                cr_b.close()
            with self.registry.cursor() as cr:
                notices = self._env(cr)["support.cancellation.notice"].search(
                    [("partner_id", "=", data["partner"])]
                )
                self.assertEqual(len(notices), 1)
        finally:
            self._cleanup(data)

    def test_a_rejected_notice_frees_its_period(self):
        """The unique period is held only by an open or confirmed notice."""
        data = self._setup_committed()
        try:
            with self.registry.cursor() as cr:
                env = self._env(cr)
                env.company.support_notice_portal = False
                first = self._portal_request(env, data)
                first.action_confirm()
                self.assertEqual(first.state, "rejected")
                env.company.support_notice_portal = True
                second = self._portal_request(env, data)
                self.assertEqual(second.state, "draft")
                cr.rollback()
        finally:
            self._cleanup(data)
