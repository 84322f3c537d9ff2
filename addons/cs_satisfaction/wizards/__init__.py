from . import cs_satisfaction_answer_wizard
