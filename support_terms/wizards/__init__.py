from . import support_terms_template_apply
from . import support_public_holidays_wizard
