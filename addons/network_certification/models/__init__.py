from . import network_activity_token
