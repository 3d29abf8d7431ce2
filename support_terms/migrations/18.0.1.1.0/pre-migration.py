"""Cancellation notices: the received day becomes a moment and a sent day.

Notices recorded before kept only the day they were received: that day at
noon UTC (the same day in every European time zone; now, for a notice of
today whose noon is still to come) becomes ``received_at``
and, with nothing better known, the day they were sent. ``received_date``
stays as it was, now computed from ``received_at``.
"""

from odoo.addons.support_terms_renewal.hooks import notices_received_at


def migrate(cr, version):
    if not version:
        return
    notices_received_at(cr)
