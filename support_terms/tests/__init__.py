from . import test_rules_plan
from . import test_support_plan
from . import test_support_plan_validation
from . import test_terms_templates
from . import test_i18n
from . import test_http
from . import test_rules_auto_close
from . import test_auto_close
