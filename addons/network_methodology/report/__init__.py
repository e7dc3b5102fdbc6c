from . import network_kpi_report
from . import network_organization_activity_report
from . import network_kpi_report_year
from . import network_kpi_report_project
