from . import cs_kpi_reward_wizard
