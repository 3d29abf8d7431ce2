from . import support_terms_template_apply
from . import support_public_holidays_wizard
from . import support_take_in_charge_wizard
from . import support_credit_charge_wizard
