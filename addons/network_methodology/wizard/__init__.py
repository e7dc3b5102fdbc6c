from . import network_reason_wizard
from . import network_event_register_wizard
