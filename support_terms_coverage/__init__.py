from odoo.tools import SQL, sql

from . import models
from . import wizards
from .models.helpdesk_ticket import WITHOUT_RULE

from odoo.addons.support_terms_base.hooks import adoption_hooks


def _coverage_of_existing_requests(env):
    """No plan has coverage rules before the install: every request already
    there is "to assess", set here in SQL. Left to the ORM, the new tracked
    column would be computed for each of them and log "Coverage: To assess"
    in every request's chatter."""
    cr = env.cr
    if sql.column_exists(cr, "helpdesk_ticket", "coverage"):
        return
    sql.create_column(cr, "helpdesk_ticket", "coverage", "varchar")
    sql.create_column(cr, "helpdesk_ticket", "support_coverage_rule_id", "int4")
    sql.create_column(cr, "helpdesk_ticket", "coverage_override_reason", "text")
    cr.execute(
        SQL(
            "UPDATE helpdesk_ticket SET coverage = %s",
            WITHOUT_RULE,
        )
    )


def _exclusions_already_told(env):
    """Requests already excluded are not emailed again: installing on a live
    database tells no customer anything."""
    env.cr.execute(
        "UPDATE helpdesk_ticket SET support_exclusion_notified = TRUE "
        "WHERE coverage = 'excluded'"
    )


pre_init_hook, post_init_hook = adoption_hooks(
    "support_terms_coverage",
    before=_coverage_of_existing_requests,
    after=_exclusions_already_told,
)
