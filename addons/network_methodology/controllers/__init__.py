from . import kpi_report
from . import matrix
from . import portal
