from . import cs_member_distribution_wizard
from . import cs_member_grading_report_wizard
from . import cs_member_card_cancel_wizard
from . import cs_member_movement_report_wizard
