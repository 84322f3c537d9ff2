from . import test_service_kpi
from . import test_ui_tour
from . import test_weekly_report
