from . import cs_worklog
from . import cs_worklog_summary
