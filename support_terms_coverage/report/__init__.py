from . import support_credit_report
