from . import network_reason_wizard
from . import network_event_register_wizard
from . import network_request_schedule_wizard
