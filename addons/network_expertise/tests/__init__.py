from . import test_expertise
from . import test_portal
from . import test_collection
from . import test_kpi_report
from . import test_demo
