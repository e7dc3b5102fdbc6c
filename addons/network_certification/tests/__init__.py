from . import test_used_token
from . import test_certificate_rules
from . import test_council_decision
from . import test_concurrency
from . import test_report
from . import test_verification
from . import test_performance
from . import test_access
