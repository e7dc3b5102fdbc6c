from . import (
    test_access,
    test_classification,
    test_import,
    test_pairing,
    test_portal,
    test_portal_performance,
)
