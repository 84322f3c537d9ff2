from . import cs_kpi_metric
from . import cs_kpi_period
from . import res_company
from . import res_config_settings
