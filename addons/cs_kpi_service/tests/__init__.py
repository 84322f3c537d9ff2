from . import test_service_kpi
