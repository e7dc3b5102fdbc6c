from . import portal_expertise
from . import collection
