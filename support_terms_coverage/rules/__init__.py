"""Pure functions holding the rules of the terms (no ORM), tested directly."""

from . import prepaid_credits
