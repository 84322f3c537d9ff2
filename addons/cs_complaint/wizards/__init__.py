from . import cs_complaint_reply_wizard
