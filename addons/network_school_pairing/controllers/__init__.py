from . import portal_school_pair
