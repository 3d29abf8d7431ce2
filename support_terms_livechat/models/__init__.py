from . import discuss_channel
from . import helpdesk_ticket
from . import im_livechat_channel
from . import support_plan
