from . import network_diagnostic_heatmap
