from . import cs_kpi_reward_wizard
from . import cs_kpi_period_xlsx_wizard
from . import cs_kpi_star_wizard
