from . import network_community_member_wizard
from . import network_reason_wizard
