import pytz

from odoo import api, fields, models

from odoo.addons.base.models.res_partner import _tz_get

SUPPORT_TZ = "Europe/Rome"


class ResCompany(models.Model):
    _inherit = "res.company"

    support_tz = fields.Selection(
        _tz_get,
        string="Time zone of the terms",
        compute="_compute_support_tz",
        store=True,
        readonly=False,
        help="The company's day: deadlines, plans in force, arrival of "
        "requests and scheduled actions follow this time zone, whoever acts "
        "and wherever the server runs.",
    )

    @api.depends("partner_id.tz")
    def _compute_support_tz(self):
        for company in self:
            company.support_tz = (
                company.partner_id.tz or company.support_tz or SUPPORT_TZ
            )

    def _support_date_of(self, moment):
        """The company's day of ``moment``, a naive UTC datetime."""
        if not moment:
            return False
        company = self[:1] or self.env.company
        # a record's company may be outside the reader's companies (a
        # customer's contract in another company of the group): its day is
        # the record's, not a right
        zone = pytz.timezone(company.sudo().support_tz or SUPPORT_TZ)
        utc = pytz.utc.localize(fields.Datetime.to_datetime(moment))
        return utc.astimezone(zone).date()

    def _support_today(self):
        # the company's day: never UTC, never the user's
        return self._support_date_of(fields.Datetime.now())
