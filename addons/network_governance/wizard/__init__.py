from . import network_reason_wizard
