from . import (
    test_access,
    test_access_matrix,
    test_diploma,
    test_kpi_report,
    test_portal,
    test_portal_performance,
    test_project,
    test_ranking,
)
