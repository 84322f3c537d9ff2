from . import cs_callback_plan
from . import cs_callback
