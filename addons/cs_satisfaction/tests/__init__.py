from . import test_survey_run
from . import test_improvement_action
from . import test_results_report
from . import test_owner_menu
from . import test_ui_tours
from . import test_sms_invite
from . import test_suggestion
