from . import duplicates
