from . import test_deadlines
from . import test_workflow
from . import test_escalation
from . import test_routing
from . import test_loop
from . import test_intake
from . import test_access
from . import test_reports
