from . import controllers
from . import models
from . import report
from . import wizard


def post_init_hook(env):
    """Council decisions approved before the add-on was installed get their order in the
    register."""
    env["network.council.decision"].search([("state", "=", "approved")])._register_orders()
