from odoo.tools import SQL, sql

from . import models
from . import wizards
from .models.helpdesk_ticket import WITHOUT_RULE

from odoo.addons.support_terms_base.hooks import (
    adopt_xmlids_from_application,
    restore_adopted_noupdate_values,
)


def pre_init_hook(env):
    """A database that held the single support_terms addon keeps its records,
    and the requests already there get their coverage without a note in
    their chatter."""
    adopt_xmlids_from_application(env, "support_terms_coverage")
    _coverage_of_existing_requests(env)


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


def post_init_hook(env):
    """The noupdate records keep the values they had before the install, and
    requests already excluded are not emailed again: installing on a live
    database tells no customer anything."""
    restore_adopted_noupdate_values(env, "support_terms_coverage")
    link_quotes_on_oca(env)
    env.cr.execute(
        "UPDATE helpdesk_ticket SET support_exclusion_notified = TRUE "
        "WHERE coverage = 'excluded'"
    )


def link_quotes_on_oca(env):
    """Quotations linked to their request by the fields this addon had
    (the request's quotation, the order's request) are linked by OCA's link
    between requests and sales orders, which the quotation now is; the
    request's quotation is then read from that link."""
    cr = env.cr
    rel = SQL.identifier("helpdesk_ticket_sale_order_rel")
    linked = set()
    if sql.column_exists(cr, "helpdesk_ticket", "support_quote_id"):
        cr.execute(
            SQL(
                "INSERT INTO %s (helpdesk_ticket_id, sale_order_id) "
                "SELECT id, support_quote_id FROM helpdesk_ticket "
                "WHERE support_quote_id IS NOT NULL ON CONFLICT DO NOTHING",
                rel,
            )
        )
        cr.execute("SELECT id FROM helpdesk_ticket WHERE support_quote_id IS NOT NULL")
        linked.update(row[0] for row in cr.fetchall())
    if sql.column_exists(cr, "sale_order", "support_ticket_id"):
        cr.execute(
            SQL(
                "INSERT INTO %s (helpdesk_ticket_id, sale_order_id) "
                "SELECT o.support_ticket_id, o.id FROM sale_order o "
                "JOIN helpdesk_ticket t ON t.id = o.support_ticket_id "
                "ON CONFLICT DO NOTHING",
                rel,
            )
        )
        cr.execute(
            "SELECT DISTINCT o.support_ticket_id FROM sale_order o "
            "JOIN helpdesk_ticket t ON t.id = o.support_ticket_id"
        )
        linked.update(row[0] for row in cr.fetchall())
    if linked:
        tickets = env["helpdesk.ticket"].browse(sorted(linked))
        tickets.invalidate_recordset(["sale_order_ids"])
        env.add_to_compute(tickets._fields["support_quote_id"], tickets)
        tickets.flush_recordset()
