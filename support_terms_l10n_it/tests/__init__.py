from . import test_consumer
from . import test_consumer_notice
from . import test_withdrawal
from . import test_pec_notice
from . import test_acceptance
from . import test_fattura_pa
from . import test_access_terms
