from . import cs_holiday_import_wizard
