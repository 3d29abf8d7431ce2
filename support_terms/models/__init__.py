from . import helpdesk_ticket_channel
from . import support_plan
from . import res_partner
from . import helpdesk_ticket
from . import res_config_settings
from . import res_company
from . import helpdesk_ticket_stage
from . import helpdesk_ticket_team
