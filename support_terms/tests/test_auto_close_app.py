import importlib.util
import os
from datetime import datetime

from freezegun import freeze_time

from odoo.modules.module import get_module_path
from odoo.tests import tagged

from odoo.addons.support_terms_auto_close.tests.common import AutoCloseCase


@tagged("post_install", "-at_install")
class TestAutoCloseInTheApplication(AutoCloseCase):
    """What the application adds to the closing of requests without reply:
    the migration of an existing database."""

    def test_existing_database_moves_the_auto_close_action_to_hourly(self):
        """The action is ``noupdate``: a database installed with the daily
        action is moved to hourly by the module's migration."""
        self.cron.write({"interval_number": 1, "interval_type": "days"})
        self.cron.nextcall = datetime(2026, 3, 3, 3, 0)
        path = os.path.join(
            get_module_path("support_terms"),
            "migrations",
            "18.0.1.1.0",
            "post-migration.py",
        )
        spec = importlib.util.spec_from_file_location("support_terms_hourly", path)
        migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(migration)
        with freeze_time(datetime(2026, 3, 2, 10, 0)):
            migration.migrate(self.env.cr, "18.0.1.0.0")
        self.cron.invalidate_recordset()
        self.assertEqual(
            (self.cron.interval_number, self.cron.interval_type), (1, "hours")
        )
        self.assertLessEqual(self.cron.nextcall, datetime(2026, 3, 2, 11, 0))
        # the customer emails of an existing database reach a requester
        # without contact too
        taken = self.env.ref("support_terms_sla.mail_template_taken_in_charge")
        resolved = self.env.ref("support_terms_sla.mail_template_resolved")
        taken.email_to = False
        resolved.write(
            {
                "email_to": False,
                "email_cc": "{{ (not object.partner_id and object.partner_email) "
                "or '' }}",
            }
        )
        migration.migrate(self.env.cr, "18.0.1.0.0")
        for template in taken | resolved:
            self.assertEqual(template.email_to, "{{ object.support_email_to }}")
        self.assertFalse(resolved.email_cc)
        # a provider that chose a shorter interval keeps it
        self.cron.write({"interval_number": 15, "interval_type": "minutes"})
        migration.migrate(self.env.cr, "18.0.1.0.0")
        self.cron.invalidate_recordset()
        self.assertEqual(
            (self.cron.interval_number, self.cron.interval_type), (15, "minutes")
        )
