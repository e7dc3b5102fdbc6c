from datetime import datetime

from odoo import Command
from odoo.tests import tagged

from odoo.addons.network_methodology.tests.access_matrix import (
    ALL,
    NONE,
    READ,
    RWC,
    AccessMatrixMixin,
)

from .common import GovernanceTestCommon

# Methodists run the councils, their meetings, the resources and the road map; the director
# puts orders in force (the model refuses methodists, test_order) and approves the directions
# of the year; the department reads. The portal user of this matrix belongs to no member
# organization: they read nothing (members are tested in test_portal_rules).
NETWORK_DATA = {
    "department": READ,
    "methodist": ALL,
    "manager": ALL,
    "internal": NONE,
    "portal": NONE,
}
EXPECTED = {
    "network.council": NETWORK_DATA,
    "network.council.member": NETWORK_DATA,
    "network.council.meeting": NETWORK_DATA,
    "network.council.agenda.line": NETWORK_DATA,
    "network.resource": NETWORK_DATA,
    "network.resource.request": NETWORK_DATA,
    "network.order": dict(NETWORK_DATA, methodist=RWC),
    "network.innovation.direction": dict(NETWORK_DATA, methodist=READ),
    "network.org.kind": {
        "department": READ,
        "methodist": READ,
        "manager": ALL,
        "internal": READ,
        "portal": NONE,
    },
}
WRITES = {
    "network.council": ("name", "Renamed"),
    "network.council.member": ("function", "Deputy chair"),
    "network.council.meeting": ("location", "Elsewhere"),
    "network.council.agenda.line": ("decision", "Changed"),
    "network.resource": ("name", "Renamed"),
    "network.resource.request": ("purpose", "Changed"),
    "network.order": ("subject", "Changed"),
    "network.innovation.direction": ("name", "Renamed"),
    "network.org.kind": ("name", "Renamed"),
}


@tagged("post_install", "-at_install")
class TestGovernanceAccess(AccessMatrixMixin, GovernanceTestCommon):
    EXPECTED = EXPECTED
    WRITES = WRITES

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._create_access_users("netgov")
        cls.resource = cls._create_resource()
        cls.meeting = cls._create_meeting()

    def _values(self, model):
        tag = self._uid_str()
        if model == "network.council":
            return {"name": f"Council {tag}"}
        if model == "network.council.member":
            return {
                "council_id": self.council.id,
                "partner_id": self.env["res.partner"].create({"name": f"Member {tag}"}).id,
            }
        if model == "network.council.meeting":
            return {"council_id": self.council.id, "date": datetime(1991, 3, 1, 9)}
        if model == "network.council.agenda.line":
            return {"meeting_id": self.meeting.id, "name": f"Item {tag}"}
        if model == "network.resource":
            return {"name": f"Resource {tag}", "organization_id": self.executor.id}
        if model == "network.resource.request":
            return {
                "requester_id": self._create_org(f"Applicant {tag}").id,
                "resource_id": self.resource.id,
                "purpose": "Use",
            }
        if model == "network.order":
            return {"subject": f"Order {tag}"}
        if model == "network.innovation.direction":
            return {"name": f"Direction {tag}", "school_year_id": self.year.id}
        if model == "network.org.kind":
            # one record per kind: a fresh one frees its kind first
            kind = self.env["network.org.kind"].search([("code", "=", "other")])
            kind.unlink()
            return {"name": f"Kind {tag}", "code": "other", "sequence": 99}
        raise NotImplementedError(model)

    def test_members_managed_inline(self):
        council = (
            self.env["network.council"]
            .with_user(self.users["methodist"])
            .create(
                {
                    "name": "Inline",
                    "member_ids": [
                        Command.create({"partner_id": self.presenter.id, "role": "chair"})
                    ],
                }
            )
        )
        self.assertEqual(council.chair_id, self.presenter)
        # the methodist's council gets its numbering of minutes (ir.sequence as superuser)
        self.assertTrue(council.minutes_sequence_id)
