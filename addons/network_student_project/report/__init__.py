from . import (
    network_kpi_report,
    network_kpi_report_year,
    network_student_project_report,
    report_student_diploma,
)
