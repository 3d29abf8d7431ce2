def migrate(cr, version):
    """Suspensions a manager lifted said nothing of their fee: they say it
    was waived."""
    cr.execute(
        "UPDATE support_service_suspension SET fee_state = 'waived' "
        "WHERE lift_reason = 'manager' AND fee_state IS NULL"
    )
