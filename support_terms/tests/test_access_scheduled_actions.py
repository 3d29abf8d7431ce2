from unittest.mock import patch

from odoo.tests import TransactionCase, tagged

# the addons' scheduled actions: their methods use the rights of the user
# the action runs as, with no sudo() of their own
SCHEDULED = [
    ("support_terms_auto_close.ir_cron_auto_close_tickets", "_cron_auto_close"),
    ("support_terms_sla.ir_cron_sla_monitor", "_cron_sla_monitor"),
    ("support_terms_sla.ir_cron_public_holidays", "_cron_support_public_holidays"),
    ("support_terms_suspension.ir_cron_overdue_suspension", "_cron_overdue_suspension"),
    ("support_terms_coverage.ir_cron_expire_credits", "_cron_expire_credits"),
    ("support_terms_coverage.ir_cron_invoice_charges", "_cron_invoice_charges"),
]


@tagged("post_install", "-at_install")
class TestScheduledActionsRunAsSuperuser(TransactionCase):
    def test_scheduled_actions_run_as_superuser(self):
        """Started by the scheduler or by an administrator (Run Manually),
        each action runs as the superuser, in superuser mode."""
        root = self.env.ref("base.user_root")
        admin = self.env.ref("base.user_admin")
        for xmlid, method in SCHEDULED:
            with self.subTest(action=xmlid):
                cron = self.env.ref(xmlid)
                self.assertEqual(cron.user_id, root)
                runs = []
                model = self.registry[cron.model_id.model]
                with patch.object(
                    model,
                    method,
                    lambda records, runs=runs: runs.append(
                        (records.env.uid, records.env.su)
                    ),
                ):
                    cron.with_user(admin).method_direct_trigger()
                self.assertEqual(runs, [(root.id, True)])
