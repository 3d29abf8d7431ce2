from . import models
from . import wizards

from odoo.addons.support_terms_base.hooks import (
    adopt_xmlids_from_application,
    restore_adopted_noupdate_values,
)


def pre_init_hook(env):
    """A database that held the single support_terms addon keeps its records."""
    adopt_xmlids_from_application(env, "support_terms_coverage")


def post_init_hook(env):
    """The noupdate records keep the values they had before the install, and
    requests already excluded are not emailed again: installing on a live
    database tells no customer anything."""
    restore_adopted_noupdate_values(env, "support_terms_coverage")
    env.cr.execute(
        "UPDATE helpdesk_ticket SET support_exclusion_notified = TRUE "
        "WHERE coverage = 'excluded'"
    )
