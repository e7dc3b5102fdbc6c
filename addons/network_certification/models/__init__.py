from . import res_company
from . import res_config_settings
from . import network_certificate
from . import network_activity_token
from . import network_council_decision
from . import network_council_decision_line
from . import network_request
from . import res_partner
