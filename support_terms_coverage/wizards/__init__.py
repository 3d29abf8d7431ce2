from . import support_credit_charge_wizard
from . import account_move_reversal
from . import base_partner_merge_automatic_wizard
