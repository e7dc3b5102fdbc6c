from . import network_kpi_report_year
from . import network_kpi_report_project
