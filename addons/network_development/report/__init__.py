from . import network_diagnostic_heatmap, network_kpi_report, network_kpi_report_year
