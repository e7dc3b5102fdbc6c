from . import portal_expertise
