from . import (
    test_access,
    test_diploma,
    test_kpi_report,
    test_portal,
    test_project,
    test_ranking,
)
