from . import test_plan_generate
from . import test_callback
from . import test_scheduling
from . import test_coverage
from . import test_hooks
from . import test_access
from . import test_reports
from . import test_coverage_report
