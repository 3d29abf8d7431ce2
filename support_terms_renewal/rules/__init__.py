"""Pure functions holding the rules of the terms: no ORM in here."""

from . import renewal
