from . import cs_complaint_reply_wizard
from . import cs_complaint_stats_wizard
