from . import cs_service_voucher_wizard
from . import cs_service_defect_wizard
