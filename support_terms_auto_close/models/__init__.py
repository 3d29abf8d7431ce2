from . import helpdesk_ticket
from . import helpdesk_ticket_stage
from . import helpdesk_ticket_team
from . import res_company
from . import res_config_settings
from . import support_plan
