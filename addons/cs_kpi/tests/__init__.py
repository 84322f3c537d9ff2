from . import test_metrics
from . import test_period
from . import test_qa
from . import test_events
from . import test_access
from . import test_reports
from . import test_integrity
from . import test_ui_tours
