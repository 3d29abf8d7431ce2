# Copyright 2026 support_terms contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Databases installed before this version.

- The quotation of a request is OCA's link between requests and sales
  orders (helpdesk_mgmt_sale): every quotation linked by this addon's own
  fields (the request's quotation, the order's request) is linked by OCA's
  link, before the order's field goes. The request's quotation, now read
  from OCA's link, keeps its value.
- The email telling a customer that a request is not covered offered a paid
  quote to everyone; it offers one only when the request's rule lets an
  excluded request go on by quote. The shipped email (``noupdate``) is
  changed only when staff left it as shipped (in every language, its last
  paragraph is the offer).
"""

import json

from odoo import SUPERUSER_ID, api

from odoo.addons.support_terms_coverage import link_quotes_on_oca

OFFER = "If you wish, we can still do the work as paid work"
CONDITION = "<p t-if=\"object.coverage_billing_mode == 'quote'\">"


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    link_quotes_on_oca(env)
    _exclusion_email_offers_a_quote_only_when_quoted(env)


def _exclusion_email_offers_a_quote_only_when_quoted(env):
    cr = env.cr
    template = env.ref(
        "support_terms_coverage.mail_template_coverage_excluded",
        raise_if_not_found=False,
    )
    if not template:
        return
    cr.execute("SELECT body_html FROM mail_template WHERE id = %s", [template.id])
    bodies = cr.fetchone()[0] or {}
    source = bodies.get("en_US") or ""
    if OFFER not in source or "coverage_billing_mode" in source:
        return  # changed by staff, or already conditional
    updated = {}
    for lang, body in bodies.items():
        start = body.rfind("<p>")
        if start >= 0:
            body = body[:start] + CONDITION + body[start + 3 :]
        updated[lang] = body
    cr.execute(
        "UPDATE mail_template SET body_html = %s::jsonb WHERE id = %s",
        [json.dumps(updated), template.id],
    )
