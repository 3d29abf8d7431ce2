from . import contract_line
from . import helpdesk_ticket
from . import ir_module_module
from . import res_company
from . import res_config_settings
from . import support_plan
