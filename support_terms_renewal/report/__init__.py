from . import support_renewal_report
