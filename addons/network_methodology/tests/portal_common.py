"""Portal users of the tests: a coordinator of the executor school, one of the applicant school
and a teacher of the applicant school, each with a real portal login (password = login)."""

import json

from odoo import Command, http
from odoo.tests import HttpCase

from .common import NetworkTestCommon

# The network's counters on the portal home page.
COUNTERS = [
    "network_agreement_count",
    "network_offer_count",
    "network_catalogue_count",
    "network_request_count",
    "network_need_count",
    "network_event_count",
    "network_teacher_count",
    "network_material_count",
    "network_token_count",
]


class NetworkPortalCommon(NetworkTestCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.coordinator_exec = cls._create_coordinator("coord_exec", cls.executor, "Elena")
        cls.coordinator_appl = cls._create_coordinator("coord_appl", cls.applicant, "Pavel")
        cls.listener.email = "anna@example.com"
        cls.teacher_user = cls._create_portal_user("teacher_anna", cls.listener)

    @classmethod
    def _create_coordinator(cls, login, org, name):
        contact = cls.env["res.partner"].create(
            {"name": f"Coordinator {name}", "parent_id": org.id, "email": f"{login}@example.com"}
        )
        return cls._create_portal_user(login, contact)

    @classmethod
    def _create_portal_user(cls, login, partner):
        return (
            cls.env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "login": login,
                    "password": login,
                    "partner_id": partner.id,
                    "groups_id": [Command.set([cls.env.ref("base.group_portal").id])],
                }
            )
        )

    def _rpc(self, model, method, *args, **kwargs):
        """A JSON-RPC call as the logged-in user: the result, or the error."""
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/{method}",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "params": {"model": model, "method": method, "args": args, "kwargs": kwargs},
                }
            ),
            headers={"Content-Type": "application/json"},
        ).json()
        return response.get("result", response.get("error"))

    def _login(self, user):
        self.authenticate(user.login, user.login)

    def _post(self, url, data=None, files=None, csrf=True):
        data = dict(data or {})
        if csrf:
            data["csrf_token"] = http.Request.csrf_token(self)
        return self.url_open(url, data=data, files=files, allow_redirects=True)
