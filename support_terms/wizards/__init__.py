from . import support_terms_template_records
from . import support_terms_template_apply
