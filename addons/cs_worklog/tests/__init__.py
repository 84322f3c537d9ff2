from . import test_worklog
from . import test_summary
from . import test_rpc
from . import test_ui_tours
