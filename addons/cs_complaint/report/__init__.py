from . import cs_complaint_stats_xlsx
