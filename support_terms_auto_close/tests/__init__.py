from . import test_rules_auto_close
from . import test_auto_close
from . import test_auto_close_email_reply
from . import test_cron_isolation
from . import test_support_plan_validation
from . import test_unknown_requester
from . import test_install_safety
from . import test_auto_close_staff_reopen
