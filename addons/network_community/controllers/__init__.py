from . import portal_community
from . import portal_mentoring
from . import portal_profile
