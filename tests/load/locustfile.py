"""Locust scenarios of the load test (run by tests/load/run.sh, headless).

- teachers: Odoo's portal home ``/my`` (the yardstick), their activity card, the network's
  events, the PDF of one of their certificates (the frozen attachment);
- coordinators: ``/my``, the catalogue of experience, their requests, the matrix;
- visitors (not logged in): the verification page of a certificate, the public matrix.

Users are spawned in the proportion 3 teachers : 2 coordinators : 1 visitor, each waiting
``NETMETH_LOAD_WAIT`` seconds between pages (default 5-15: reading the page). Each portal user
logs in once, with its own account (``NETMETH_LOAD_USERS``: the JSON written by populate.py).
A page counts as an error unless it answers 200 with the expected content type (a redirection
to the login page is an error).
"""

import itertools
import json
import os
import random
import re
import sys
from pathlib import Path

from locust import HttpUser, between, task

sys.path.insert(0, str(Path(__file__).parent))
from routes import ANONYMOUS, COORDINATOR, COUNTERS, LOGIN, TEACHER, YARDSTICK  # noqa: E402

DATA = json.loads(Path(os.environ.get("NETMETH_LOAD_USERS", "load_users.json")).read_text())
WAIT = [float(part) for part in os.environ.get("NETMETH_LOAD_WAIT", "5-15").split("-")]
PLACEHOLDER = re.compile(r'data-placeholder_count="([^"]+)"')
# NETMETH_LOAD_ONE_EACH=1: exactly one user of each role (the light run of run.sh)
ONE_EACH = int(os.environ.get("NETMETH_LOAD_ONE_EACH", "0"))
TEACHERS = itertools.cycle(DATA["teachers"])
COORDINATORS = itertools.cycle(DATA["coordinators"])


class NetworkUser(HttpUser):
    abstract = True
    wait_time = between(*WAIT)
    routes = []

    def get(self, name, url, content_type="text/html"):
        with self.client.get(
            url, name=name, allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
            elif not response.headers.get("Content-Type", "").startswith(content_type):
                response.failure(f"content type {response.headers.get('Content-Type')}")
            return response

    def json_rpc(self, name, url, params):
        with self.client.post(
            url,
            name=name,
            json={"jsonrpc": "2.0", "method": "call", "params": params},
            catch_response=True,
        ) as response:
            if response.status_code != 200 or "error" in response.json():
                response.failure(f"status {response.status_code}: {response.text[:200]}")
            return response

    def login(self, account):
        self.json_rpc(
            LOGIN,
            LOGIN,
            {"db": DATA["db"], "login": account["login"], "password": DATA["password"]},
        )

    def values(self):
        return {}

    @task
    def page(self):
        name, url = random.choice(self.routes)
        values = self.values()
        content_type = "application/pdf" if url.endswith("/pdf") else "text/html"
        response = self.get(name, url.format(**values), content_type)
        if name == YARDSTICK and response.status_code == 200:
            counters = PLACEHOLDER.findall(response.text)
            if counters:
                self.json_rpc(COUNTERS, COUNTERS, {"counters": counters})


class Teacher(NetworkUser):
    weight = 3
    fixed_count = ONE_EACH
    routes = TEACHER

    def on_start(self):
        self.account = next(TEACHERS)
        self.login(self.account)

    def values(self):
        return {"certificate": random.choice(self.account["certificates"])}


class Coordinator(NetworkUser):
    weight = 2
    fixed_count = ONE_EACH
    routes = COORDINATOR

    def on_start(self):
        self.login(next(COORDINATORS))


class Visitor(NetworkUser):
    weight = 1
    fixed_count = ONE_EACH
    routes = ANONYMOUS

    def values(self):
        return {"code": random.choice(DATA["verification_codes"])}
