from . import test_access, test_diagnostic, test_feedback, test_portal, test_reports, test_route
