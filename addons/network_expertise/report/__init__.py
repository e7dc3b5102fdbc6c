from . import network_kpi_report
from . import network_kpi_report_year
