from . import cs_callback
