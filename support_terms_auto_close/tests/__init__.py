from . import test_rules_auto_close
from . import test_auto_close
from . import test_auto_close_email_reply
from . import test_auto_close_isolation
from . import test_plan_auto_close_validation
from . import test_unknown_requester_auto_close
from . import test_auto_close_install_safety
from . import test_auto_close_staff_reopen
