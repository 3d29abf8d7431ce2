from . import helpdesk_ticket
from . import helpdesk_ticket_channel
from . import mail_thread
from . import product_product
from . import res_partner
from . import support_plan
from . import res_company
from . import res_config_settings
