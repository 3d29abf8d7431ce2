from . import models
from .hooks import notices_received_at, renewal_by_choice_columns

from odoo.addons.support_terms_base.hooks import (
    adopt_xmlids_from_application,
    restore_adopted_noupdate_values,
)


def pre_init_hook(env):
    """A database that held the single support_terms addon keeps its records."""
    adopt_xmlids_from_application(env, "support_terms_renewal")
    notices_received_at(env.cr)
    renewal_by_choice_columns(env.cr)


def post_init_hook(env):
    """The noupdate records keep the values they had before the install."""
    restore_adopted_noupdate_values(env, "support_terms_renewal")
