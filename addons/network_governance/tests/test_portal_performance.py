from datetime import date, datetime

from odoo import Command
from odoo.tests import tagged

from .portal_common import COUNTERS, GovernancePortalCommon


@tagged("post_install", "-at_install")
class TestGovernancePortalQueryCount(GovernancePortalCommon):
    """The governance pages cost the same number of queries with a handful of records and
    with several times more councils, meetings, documents, resources, requests and road-map
    lines."""

    def _add_data(self, count):
        orgs = self.env["res.partner"].create(
            [
                {
                    "name": f"Scale school {self._uid_str()}",
                    "is_company": True,
                    "is_network_member": True,
                }
                for _i in range(count)
            ]
        )
        for _i in range(count):
            council = self._create_council(
                f"Scale council {self._uid_str()}",
                [(self.coordinator_exec.partner_id, "member"), (self.presenter_2, "chair")],
            )
            self._create_meeting(council, date=datetime(1991, 3, 1, 9), items=3)
        orders = self.env["network.order"].create(
            [
                {"subject": f"Scale order {self._uid_str()}", "name": f"S-{self._uid_str()}"}
                for _i in range(count)
            ]
        )
        orders.sudo().action_put_in_force()
        resources = self.env["network.resource"].create(
            [
                {"name": f"Scale resource {self._uid_str()}", "organization_id": org.id}
                for org in orgs
            ]
        )
        self.env["network.resource.request"].create(
            [
                {"requester_id": self.executor.id, "resource_id": resource.id, "purpose": "Use"}
                for resource in resources
            ]
        )
        self.env["network.project.roadmap.line"].create(
            [
                {
                    "project_id": self.project.id,
                    "name": f"Scale activity {self._uid_str()}",
                    "organization_id": org.id,
                    "date_deadline": date(1991, 1 + index % 12, 1),
                    "event_ids": [Command.set(self._create_event().ids)],
                }
                for index, org in enumerate(orgs)
            ]
        )
        self.env.flush_all()

    def _queries(self, url, json=None):
        """Queries of a warm request (caches filled by a first one)."""
        for _i in range(2):
            before = self.cr.sql_log_count
            if json is None:
                response = self.url_open(url)
                self.assertEqual(response.status_code, 200, url)
            else:
                self.make_jsonrpc_request(url, json)
            count = self.cr.sql_log_count - before
        return count

    def _measure(self):
        council = self.council.access_url
        return {
            "councils": self._queries("/my/network/councils"),
            "council": self._queries(council),
            "documents": self._queries("/my/network/documents"),
            "resources": self._queries("/my/network/resources"),
            "resource_requests": self._queries("/my/network/resource-requests"),
            "roadmap": self._queries(
                "/my/network/roadmap?filterby=all&search_in=project&search=Test"
            ),
            "counters": self._queries("/my/counters", {"counters": COUNTERS}),
        }

    def test_pages_do_not_grow(self):
        self._create_meeting(items=2)
        self._add_data(3)
        self._login(self.coordinator_exec)
        small = self._measure()
        self._add_data(15)
        large = self._measure()
        self.assertEqual(large, small)
        for page, count in small.items():
            with self.subTest(page=page):
                self.assertLessEqual(count, 40)
