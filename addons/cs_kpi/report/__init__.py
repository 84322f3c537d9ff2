from . import cs_kpi_scorecard_report
from . import cs_kpi_ranking_report
from . import cs_kpi_monthly_report
from . import cs_qa_inspection_report
