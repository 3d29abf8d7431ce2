# Copyright 2026 support_terms contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Databases installed before: what ``noupdate`` data does not update.

- The auto-close action ran once a day: it runs every hour now, so that a
  ticket is closed within the hour after its closing date. An interval the
  provider shortened is kept.
- The take-in-charge and resolution emails reach a requester known only by
  the ticket's email (no contact), as the other customer emails do.
- A company already running the addon keeps doing what it did: the
  overdue suspension and the closing of requests without a plan, off for a
  new install until the company turns them on, stay on for it (a setting
  it never chose is not taken away by an upgrade).
- Reactivation fee invoices are marked as such (the mark a corrected fee
  invoice keeps).
- Companies set up from a terms template judge notices as that template
  says. Before, every notice was judged on the day it was received; the new
  company setting defaults to the day it was sent. A company whose last
  applied template says nothing about it ("received") keeps being judged on
  receipt.
"""

from datetime import timedelta

from odoo import SUPERUSER_ID, api, fields

from odoo.addons.support_terms.terms_templates import (
    TEMPLATES,
    notice_judged_on,
)

INTERVAL_HOURS = {"minutes": 1 / 60, "hours": 1, "days": 24, "weeks": 168}
EMAIL_TO = "{{ object.support_email_to }}"
OLD_RESOLVED_EMAIL_CC = "{{ (not object.partner_id and object.partner_email) or '' }}"


def _auto_close_hourly(env):
    cron = env.ref(
        "support_terms_auto_close.ir_cron_auto_close_tickets", raise_if_not_found=False
    )
    if not cron:
        return
    hours = INTERVAL_HOURS.get(cron.interval_type, 24 * 31) * cron.interval_number
    if hours <= 1:
        return
    next_hour = fields.Datetime.now().replace(minute=0, second=0, microsecond=0)
    next_hour += timedelta(hours=1)
    cron.write(
        {
            "interval_number": 1,
            "interval_type": "hours",
            "nextcall": min(cron.nextcall, next_hour) if cron.nextcall else next_hour,
        }
    )


def _templates_reach_the_email(env):
    for xmlid in (
        "support_terms_sla.mail_template_taken_in_charge",
        "support_terms_sla.mail_template_resolved",
    ):
        template = env.ref(xmlid, raise_if_not_found=False)
        if not template or template.email_to:
            continue  # a provider's own recipients stay
        values = {"email_to": EMAIL_TO}
        if template.email_cc == OLD_RESOLVED_EMAIL_CC:
            values["email_cc"] = False
        template.write(values)


def _notices_judged_as_the_template_says(cr):
    for template in TEMPLATES:
        cr.execute(
            "UPDATE res_company SET support_notice_judged_on = %s "
            "WHERE support_terms_template = %s",
            (notice_judged_on(template), template),
        )


def _companies_keep_what_they_did(cr):
    cr.execute(
        """
        UPDATE res_company
           SET support_overdue_suspension = TRUE
         WHERE support_overdue_suspension IS NULL
        """
    )
    cr.execute(
        """
        UPDATE res_company
           SET support_auto_close_without_plan = TRUE
         WHERE support_auto_close_without_plan IS NULL
        """
    )


def _fee_invoices_marked(cr):
    cr.execute(
        """
        UPDATE account_move
           SET support_reactivation_fee = TRUE
         WHERE support_reactivation_suspension_id IS NOT NULL
        """
    )


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    _companies_keep_what_they_did(cr)
    _fee_invoices_marked(cr)
    _auto_close_hourly(env)
    _templates_reach_the_email(env)
    _notices_judged_as_the_template_says(cr)
