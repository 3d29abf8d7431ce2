from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..rules.urgency import DEFAULT_KEYWORDS, parse_keywords


class ResCompany(models.Model):
    _inherit = "res.company"

    support_urgency_keywords = fields.Char(
        string="Urgency keywords",
        default=DEFAULT_KEYWORDS,
        required=True,
        help="Words that make a request urgent when they stand in the subject of "
        "its email or portal form, comma separated; case and accents do not "
        "matter.",
    )

    @api.constrains("support_urgency_keywords")
    def _check_support_urgency_keywords(self):
        for company in self:
            if not parse_keywords(company.support_urgency_keywords):
                message = _(
                    "Company %(company)s: give at least one urgency keyword "
                    "(e.g. URGENTE).",
                    company=company.name,
                )
                raise ValidationError(message)
