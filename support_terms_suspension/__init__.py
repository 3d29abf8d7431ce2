import json
import re

from odoo.tools import SQL

from . import models

from odoo.addons.support_terms_base.hooks import adoption_hooks


def count_late_payments_from_today(env):
    """A company that already had a threshold of late payments counts them
    from today on, never those made before."""
    env.cr.execute(
        "UPDATE res_company SET support_late_payment_since = CURRENT_DATE "
        "WHERE support_do_not_renew_threshold > 0 "
        "AND support_late_payment_since IS NULL"
    )


# a reactivation email's first paragraph that thanks for a payment whatever
# settled the invoices, in English and Italian
_THANKS_FOR_PAYMENT = re.compile(
    r"<p>\s*(?:thank you for your payment|grazie per il pagamento):.*?</p>",
    re.DOTALL,
)


def reactivation_mail_names_what_settled(env):
    """A reactivation email (noupdate) that thanks for a payment even when a
    credit note or a cancelled invoice lifted the suspension gets the
    paragraph that says which, in each language, unless a user rewrote it."""
    template = env.ref(
        "support_terms_suspension.mail_template_services_reactivated",
        raise_if_not_found=False,
    )
    if not template:
        return
    query = SQL("SELECT body_html FROM mail_template WHERE id = %s", template.id)
    bodies = env.execute_query(query)[0][0] or {}
    changed = {
        lang: _THANKS_FOR_PAYMENT.sub(
            '<p t-out="object.mail_lifted_text"/>', body or ""
        )
        for lang, body in bodies.items()
    }
    if changed != bodies:
        env.cr.execute(
            SQL(
                "UPDATE mail_template SET body_html = %s WHERE id = %s",
                json.dumps(changed),
                template.id,
            )
        )
        template.invalidate_recordset(["body_html"])


def _after_install(env):
    reactivation_mail_names_what_settled(env)
    count_late_payments_from_today(env)


pre_init_hook, post_init_hook = adoption_hooks(
    "support_terms_suspension", after=_after_install
)
