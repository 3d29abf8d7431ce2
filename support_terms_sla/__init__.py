from . import models
from . import report
from . import wizards

from odoo.addons.support_terms_base.hooks import adoption_hooks

pre_init_hook, post_init_hook = adoption_hooks("support_terms_sla")
