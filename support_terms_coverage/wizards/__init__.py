from . import support_credit_charge_wizard
