from . import models
from .hooks import notices_received_at

from odoo.addons.support_terms_base.hooks import adoption_hooks

pre_init_hook, post_init_hook = adoption_hooks(
    "support_terms_renewal", before=lambda env: notices_received_at(env.cr)
)
