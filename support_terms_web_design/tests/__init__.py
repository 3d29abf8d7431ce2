from . import test_web_design_project
from . import test_web_design_portal
from . import test_access_web_project
