from . import test_survey_run
from . import test_improvement_action
from . import test_results_report
