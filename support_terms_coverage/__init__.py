from odoo.tools import SQL, sql

from . import models
from . import report
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
    cr.execute(SQL("UPDATE helpdesk_ticket SET coverage = %s", WITHOUT_RULE))


# (request, quotation) pairs recorded by the fields this addon had: the
# request's quotation, the order's request
FORMER_QUOTE_LINKS = {
    ("helpdesk_ticket", "support_quote_id"): SQL(
        "SELECT id, support_quote_id FROM helpdesk_ticket "
        "WHERE support_quote_id IS NOT NULL"
    ),
    ("sale_order", "support_ticket_id"): SQL(
        "SELECT o.support_ticket_id, o.id FROM sale_order o "
        "JOIN helpdesk_ticket t ON t.id = o.support_ticket_id"
    ),
}


def link_quotes_on_oca(env):
    """Quotations linked to their request by the fields this addon had are
    linked by OCA's link between requests and sales orders, from which the
    request's quotation is then read."""
    cr = env.cr
    linked = set()
    for (table, column), pairs in FORMER_QUOTE_LINKS.items():
        if not sql.column_exists(cr, table, column):
            continue
        cr.execute(
            SQL(
                "INSERT INTO helpdesk_ticket_sale_order_rel "
                "(helpdesk_ticket_id, sale_order_id) %s ON CONFLICT DO NOTHING",
                pairs,
            )
        )
        cr.execute(SQL("SELECT DISTINCT ticket FROM (%s) AS p(ticket, quote)", pairs))
        linked.update(row[0] for row in cr.fetchall())
    if linked:
        tickets = env["helpdesk.ticket"].browse(sorted(linked))
        tickets.invalidate_recordset(["sale_order_ids"])
        env.add_to_compute(tickets._fields["support_quote_id"], tickets)
        tickets.flush_recordset()


def _after_install(env):
    link_quotes_on_oca(env)
    # requests already excluded are not emailed again: installing on a live
    # database tells no customer anything
    env.cr.execute(
        "UPDATE helpdesk_ticket SET support_exclusion_notified = TRUE "
        "WHERE coverage = 'excluded'"
    )


pre_init_hook, post_init_hook = adoption_hooks(
    "support_terms_coverage",
    before=_coverage_of_existing_requests,
    after=_after_install,
)
