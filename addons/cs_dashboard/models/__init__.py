from . import cs_dashboard_month
from . import cs_kpi_period
from . import spreadsheet_dashboard
