from . import test_workflow
from . import test_deadlines
from . import test_dispatch
from . import test_integrity
from . import test_access
from . import test_opinion_card
from . import test_voucher
from . import test_portal
