from . import models
from . import report
from .hooks import notices_received_at, renewal_by_choice_columns

from odoo.addons.support_terms_base.hooks import adoption_hooks


def _before_install(env):
    notices_received_at(env.cr)
    renewal_by_choice_columns(env.cr)


pre_init_hook, post_init_hook = adoption_hooks(
    "support_terms_renewal", before=_before_install
)
