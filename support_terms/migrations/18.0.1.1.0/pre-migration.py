"""Cancellation notices: the received day becomes a moment and a sent day.

Notices recorded before kept only the day they were received: that day at
noon UTC (the same day in every European time zone; now, for a notice of
today whose noon is still to come) becomes ``received_at``
and, with nothing better known, the day they were sent. ``received_date``
stays as it was, now computed from ``received_at``.
"""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        ALTER TABLE support_cancellation_notice
            ADD COLUMN IF NOT EXISTS received_at timestamp,
            ADD COLUMN IF NOT EXISTS sent_date date
        """
    )
    cr.execute(
        """
        UPDATE support_cancellation_notice
           SET received_at = LEAST(
                   received_date + interval '12 hours',
                   now() AT TIME ZONE 'UTC'
               ),
               sent_date = received_date
         WHERE received_at IS NULL AND received_date IS NOT NULL
        """
    )
