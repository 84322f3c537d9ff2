from . import cs_satisfaction_answer_wizard
from . import cs_improvement_action_done_wizard
