from odoo import SUPERUSER_ID, api

from odoo.addons.support_terms_suspension import (
    count_late_payments_from_today,
    reactivation_mail_names_what_settled,
)


def migrate(cr, version):
    """The reactivation email says what settled the invoices; a company that
    had a threshold of late payments counts them from the upgrade on, never
    those made before."""
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    count_late_payments_from_today(env)
    reactivation_mail_names_what_settled(env)
