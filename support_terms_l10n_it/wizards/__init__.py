from . import support_terms_template_apply
