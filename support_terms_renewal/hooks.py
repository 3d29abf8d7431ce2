"""What a database of the single support_terms addon needs before this addon
takes its cancellation notices over."""

from odoo.tools import sql


def notices_received_at(cr):
    """Notices of the first version kept only the day they were received:
    that day at noon UTC (the same day in every European time zone; now, if
    sooner) becomes ``received_at`` and, with nothing better known, the day
    they were sent. Runs before the addon creates its columns."""
    if not sql.column_exists(cr, "support_cancellation_notice", "received_date"):
        return
    cr.execute(
        """
        ALTER TABLE support_cancellation_notice
            ADD COLUMN IF NOT EXISTS received_at timestamp,
            ADD COLUMN IF NOT EXISTS sent_date date;
        UPDATE support_cancellation_notice
           SET received_at = LEAST(
                   received_date + interval '12 hours',
                   now() AT TIME ZONE 'UTC'
               ),
               sent_date = received_date
         WHERE received_at IS NULL AND received_date IS NOT NULL
        """
    )


def renewal_by_choice_columns(cr):
    """Created empty, so that installing computes nothing on the services
    already there (their renewal offers do not exist yet)."""
    cr.execute(
        """
        ALTER TABLE contract_line
            ADD COLUMN IF NOT EXISTS renewal_by_choice boolean,
            ADD COLUMN IF NOT EXISTS renewal_offer_date date;
        ALTER TABLE product_template
            ADD COLUMN IF NOT EXISTS renewal_by_choice boolean
        """
    )
