from . import cs_resource_makeup_day
from . import resource_calendar
