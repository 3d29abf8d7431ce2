from . import test_rules_late_payment
from . import test_late_payment
from . import test_late_payment_concurrency
from . import test_late_payment_settlement
from . import test_late_payment_everyday
from . import test_company_creation
from . import test_cron_isolation
