"""pytest configuration shared by the whole repository's test run (scripts/test.sh).

pytest loads this file at start-up because ``tests/`` is one of the paths it is given, so the
hooks below apply to the add-ons' tests as well as to the scenario tests in this folder.
"""

import os

import pytest_odoo


def pytest_configure(config):
    # pytest-odoo's --odoo-http server listens on a random free port; NETMETH_TEST_PORT pins
    # it (for machines where only some ports may be used).
    port = os.environ.get("NETMETH_TEST_PORT")
    if port:
        pytest_odoo._get_available_random_port = lambda: int(port)
