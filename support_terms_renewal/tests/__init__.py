from . import test_rules_renewal
from . import test_renewal
from . import test_cancellation_notice
from . import test_cancellation_notice_successor
from . import test_service_state_renewal
from . import test_cron_isolation
from . import test_renewal_reminder_switch
from . import test_cancellation_notice_race
