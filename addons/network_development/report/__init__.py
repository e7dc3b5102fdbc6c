from . import network_diagnostic_heatmap, network_kpi_report
