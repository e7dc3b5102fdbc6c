from . import network_kpi_report
