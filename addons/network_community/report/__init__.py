from . import network_community_report
from . import network_mentoring_report
from . import network_young_teacher_report
from . import network_kpi_report_year
