from . import cs_complaint_stats_xlsx
from . import cs_complaint_handling_report
