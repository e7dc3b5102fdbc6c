from . import test_diagnostic
