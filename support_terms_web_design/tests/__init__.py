from . import test_web_design_project
from . import test_web_design_portal
