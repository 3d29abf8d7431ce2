from . import controllers
from . import models
from . import terms_templates
from . import wizards
