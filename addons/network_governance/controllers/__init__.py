from . import matrix
from . import portal_council
from . import portal_council_meeting
from . import portal_offer
from . import portal_order
from . import portal_resource
from . import portal_resource_request
from . import portal_roadmap
