from . import controllers
from . import models
from . import rules
from . import wizards
