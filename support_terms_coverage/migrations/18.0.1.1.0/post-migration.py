# Copyright 2026 support_terms contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Databases installed before: what ``noupdate`` data does not update.

The email telling a customer that a request is not covered offered a paid
quote to everyone; it offers one only when the request's rule lets an
excluded request go on by quote. The shipped email is changed only when
staff left it as shipped (in every language, its last paragraph is the
offer).
"""

import json

from odoo import SUPERUSER_ID, api

OFFER = "If you wish, we can still do the work as paid work"
CONDITION = "<p t-if=\"object.coverage_billing_mode == 'quote'\">"


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
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
