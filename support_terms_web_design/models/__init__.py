from . import product_template
from . import contract_line
from . import support_web_project
