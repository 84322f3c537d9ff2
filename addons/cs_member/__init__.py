from . import hide_tracebacks
from . import models
from . import wizards
from . import report
