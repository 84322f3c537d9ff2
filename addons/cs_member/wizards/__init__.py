from . import cs_member_distribution_wizard
from . import cs_member_grading_report_wizard
