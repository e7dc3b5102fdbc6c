from . import portal_diagnostic, portal_route
