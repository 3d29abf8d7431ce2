"""Pure functions holding the rules of the terms: no ORM in here.

Models call them; tests call them directly as well as through the ORM.
"""

from . import auto_close
from . import coverage
from . import prepaid_credits
from . import holidays_it
from . import late_payment
from . import plan
from . import urgency
