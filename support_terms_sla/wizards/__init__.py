from . import support_public_holidays_wizard
from . import support_take_in_charge_wizard
from . import helpdesk_ticket_merge
