from . import cs_kpi_monthly_report
