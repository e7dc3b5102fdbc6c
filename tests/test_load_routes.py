"""The load test (tests/load/, run by its own command) stays in step with the add-ons: every URL
its scenarios request is a route of the installed add-ons, and its scripts compile. The load
test itself is too heavy for the test command."""

import ast
import importlib.util
import threading
from pathlib import Path

from werkzeug.exceptions import MethodNotAllowed, NotFound

from odoo.tests import TransactionCase, tagged

LOAD_DIR = Path(__file__).parent / "load"


def load_routes():
    spec = importlib.util.spec_from_file_location("netmeth_load_routes", LOAD_DIR / "routes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@tagged("post_install", "-at_install")
class TestLoadRoutes(TransactionCase):
    def setUp(self):
        super().setUp()
        # ir.http.routing_map reads the database of the current thread, as in a request
        thread = threading.current_thread()
        previous = getattr(thread, "dbname", None)
        thread.dbname = self.env.cr.dbname
        self.addCleanup(setattr, thread, "dbname", previous)

    def test_every_url_is_a_route(self):
        routes = load_routes()
        adapter = self.env["ir.http"].routing_map().bind("localhost")
        urls = routes.all_urls()
        self.assertIn("/my/network/certificates/{certificate}/pdf", urls)
        for url in urls:
            path = url.format(**routes.EXAMPLE)
            method = "POST" if url == routes.LOGIN else "GET"
            with self.subTest(url=url):
                try:
                    endpoint, _arguments = adapter.match(path, method=method)
                except (NotFound, MethodNotAllowed) as error:
                    self.fail(f"{method} {path}: {error!r}")
                self.assertTrue(callable(endpoint))

    def test_a_made_up_url_is_not_a_route(self):
        # the check above can fail: an unknown URL does not match
        adapter = self.env["ir.http"].routing_map().bind("localhost")
        with self.assertRaises(NotFound):
            adapter.match("/my/network/no-such-page", method="GET")

    def test_scripts_compile(self):
        for name in ("locustfile.py", "populate.py", "report.py", "routes.py"):
            with self.subTest(script=name):
                source = (LOAD_DIR / name).read_text(encoding="utf-8")
                compile(ast.parse(source), name, "exec")
        locustfile = ast.parse((LOAD_DIR / "locustfile.py").read_text(encoding="utf-8"))
        classes = {node.name for node in locustfile.body if isinstance(node, ast.ClassDef)}
        self.assertLessEqual({"Teacher", "Coordinator", "Visitor"}, classes)
