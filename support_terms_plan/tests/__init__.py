from . import test_support_plan
from . import test_support_plan_validation
from . import test_service_in_force
from . import test_request_team
from . import test_plan_company_day
from . import test_duplicates
from . import test_plan_views
