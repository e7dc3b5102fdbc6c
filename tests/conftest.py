"""pytest configuration shared by the whole repository's test run (scripts/test.sh).

pytest loads this file at start-up because ``tests/`` is one of the paths it is given, so the
hooks below apply to the add-ons' tests as well as to the scenario tests in this folder.
"""

import os
from pathlib import Path

import pytest
import pytest_odoo


def pytest_configure(config):
    # pytest-odoo's --odoo-http server listens on a random free port; NETMETH_TEST_PORT pins
    # it (for machines where only some ports may be used).
    port = os.environ.get("NETMETH_TEST_PORT")
    if port:
        pytest_odoo._get_available_random_port = lambda: int(port)


# Odoo's own runner (odoo-bin --test-enable) runs the test classes of the modules that an
# add-on's tests/__init__.py imports; pytest-odoo finds test_*.py files by name. A module left
# out of __init__.py would run here and be skipped by Odoo: the full run refuses to start then.
ADDONS = tuple(
    sorted(
        path.parent.name for path in Path(__file__).parent.parent.glob("addons/*/__manifest__.py")
    )
)


@pytest.hookimpl(tryfirst=True)  # before -k / -m deselect anything
def pytest_collection_modifyitems(session, config, items):
    if sorted(config.args) != sorted(config.getini("testpaths")):
        return  # a partial run (explicit paths): nothing to compare
    from odoo.tests.loader import get_module_test_cases, get_test_modules
    from odoo.tests.tag_selector import TagsSelector

    selector = TagsSelector(",".join(f"/{addon}" for addon in ADDONS))
    odoo_tests = {
        f"{addon}: {type(test).__name__}.{test._testMethodName}"
        for addon in ADDONS
        for test_module in get_test_modules(addon)
        for test in get_module_test_cases(test_module)
        if selector.check(test)
    }
    pytest_tests = {
        f"{item.path.parts[-3]}: {item.cls.__name__}.{item.name}"
        for item in items
        if item.cls and item.path.parts[-3] in ADDONS
    }
    if odoo_tests != pytest_tests:
        raise pytest.UsageError(
            "odoo-bin --test-enable and pytest do not collect the same tests.\n"
            f"Only pytest: {sorted(pytest_tests - odoo_tests)}\n"
            f"Only odoo-bin: {sorted(odoo_tests - pytest_tests)}"
        )
    session.config.stash[COLLECTED] = len(odoo_tests)


COLLECTED = pytest.StashKey[int]()


def pytest_report_collectionfinish(config, start_path, items):
    count = config.stash.get(COLLECTED, None)
    if count is not None:
        return f"odoo-bin --test-enable collects the same {count} add-on tests"


def pytest_sessionstart(session):
    # Python 3.11 before 3.11.8 (gh-106905) may raise "SystemError: AST constructor recursion
    # depth mismatch" when threads parse Python at the same time: the HTTP server's threads do,
    # reading every add-on's manifest (ast.literal_eval) when the first browser loads its
    # assets, and one of them answers 500. Read them all once, before any request.
    import odoo.http
    from odoo.modules.module import get_manifest, get_modules

    for module in get_modules():
        get_manifest(module)
    odoo.http.root.statics  # noqa: B018 (a cached property, computed here)
