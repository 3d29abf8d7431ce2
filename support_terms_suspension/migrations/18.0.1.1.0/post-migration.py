from odoo import SUPERUSER_ID, api

from odoo.addons.support_terms_suspension import (
    reactivation_mail_names_what_settled,
)


def migrate(cr, version):
    """The reactivation email says what settled the invoices; a company that
    had a threshold of late payments counts them from the upgrade on, never
    those made before."""
    if not version:
        return
    cr.execute(
        "UPDATE res_company SET support_late_payment_since = CURRENT_DATE "
        "WHERE support_do_not_renew_threshold > 0 "
        "AND support_late_payment_since IS NULL"
    )
    reactivation_mail_names_what_settled(api.Environment(cr, SUPERUSER_ID, {}))
