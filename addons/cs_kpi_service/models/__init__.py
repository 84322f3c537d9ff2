from . import cs_kpi_metric
