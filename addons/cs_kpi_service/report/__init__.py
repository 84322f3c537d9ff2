from . import cs_service_weekly_report
