from . import test_member_level
from . import test_member_card
from . import test_member_points
from . import test_distribution
from . import test_crons
from . import test_access
