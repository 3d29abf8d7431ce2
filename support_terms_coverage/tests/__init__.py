from . import test_rules_coverage
from . import test_coverage
from . import test_credit_notes
from . import test_credits
from . import test_charges
from . import test_quotes
from . import test_charge_and_expiry_isolation
from . import test_unknown_requester_coverage
