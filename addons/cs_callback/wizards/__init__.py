from . import cs_callback_summary_wizard
