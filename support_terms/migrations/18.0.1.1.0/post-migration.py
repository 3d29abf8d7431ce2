"""Companies set up from a terms template judge notices as that template says.

Before, every notice was judged on the day it was received; the new company
setting defaults to the day it was sent. A company whose last applied
template says nothing about it ("received") keeps being judged on receipt.
"""

from odoo.addons.support_terms.rules.terms_templates import (
    TEMPLATES,
    notice_judged_on,
)


def migrate(cr, version):
    if not version:
        return
    for template in TEMPLATES:
        cr.execute(
            "UPDATE res_company SET support_notice_judged_on = %s "
            "WHERE support_terms_template = %s",
            (notice_judged_on(template), template),
        )
