from . import cs_worklog_report_mixin
from . import cs_worklog
from . import cs_worklog_summary
