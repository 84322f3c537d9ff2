from . import res_company
from . import res_config_settings
from . import res_partner
from . import hr_job
from . import cs_service_request
from . import cs_service_line
from . import cs_service_contract
from . import cs_callback
