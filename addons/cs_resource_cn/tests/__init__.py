from . import test_china_calendar
