"""Pure functions holding the rules of the terms: no ORM in here.

Models call them; tests call them directly as well as through the ORM.
"""

from . import holidays_it
from . import urgency
