from . import res_company
from . import res_config_settings
from . import cs_team
from . import res_users
from . import cs_member_level
from . import cs_member_card
from . import cs_member_points
from . import res_partner
