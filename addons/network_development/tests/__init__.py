from . import test_diagnostic, test_feedback, test_route
