"""Pure functions holding the rules of the terms, without the ORM: models
and tests call them."""

from . import late_payment
