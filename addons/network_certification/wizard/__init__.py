from . import network_certification_wizard
from . import network_certification_wizard_line
from . import network_reason_wizard
