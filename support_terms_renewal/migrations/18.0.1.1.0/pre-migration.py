# Copyright 2026 support_terms contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Renewal by the customer's choice: no service was renewed by choice
before, so its columns start empty and nothing is computed on the services
already there."""

from odoo.addons.support_terms_renewal.hooks import renewal_by_choice_columns


def migrate(cr, version):
    if not version:
        return
    renewal_by_choice_columns(cr)
