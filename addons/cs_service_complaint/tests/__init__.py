from . import test_open_complaint
