from . import portal
from . import portal_services
from . import portal_invoice
