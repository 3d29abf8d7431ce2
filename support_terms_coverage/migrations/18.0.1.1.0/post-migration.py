# Copyright 2026 support_terms contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The quotation of a request is OCA's link between requests and sales
orders (helpdesk_mgmt_sale): every quotation linked by this addon's own
fields (the request's quotation, the order's request) is linked by OCA's
link, before the order's field goes. The request's quotation, now read
from OCA's link, keeps its value."""

from odoo import SUPERUSER_ID, api

from odoo.addons.support_terms_coverage import link_quotes_on_oca


def migrate(cr, version):
    if not version:
        return
    link_quotes_on_oca(api.Environment(cr, SUPERUSER_ID, {}))
