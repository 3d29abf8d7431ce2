from . import test_rules_urgency
from . import test_urgency
from . import test_sla
from . import test_take_in_charge
from . import test_public_holidays
from . import test_plan_sla_validation
from . import test_unknown_requester_sla
from . import test_urgency_raised_later
