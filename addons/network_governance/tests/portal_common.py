"""Portal users of the governance tests (network_methodology's: the executor's and the
applicant's coordinators, a teacher of the applicant), with the council of the tests: the
executor's coordinator (Elena) and the teacher (Anna, a member through test common) sit on
it; the applicant's coordinator (Pavel) does not."""

from odoo import Command

from odoo.addons.network_methodology.tests.portal_common import NetworkPortalCommon

from .common import GovernanceTestCommon

COUNTERS = [
    "network_council_count",
    "network_roadmap_count",
    "network_document_count",
    "network_resource_count",
    "network_resource_request_count",
]


class GovernancePortalCommon(GovernanceTestCommon, NetworkPortalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.council.member_ids = [
            Command.create({"partner_id": cls.coordinator_exec.partner_id.id})
        ]
        cls.other_council = cls._create_council(
            "Expert group", [(cls.chair, "chair"), (cls.presenter_2, "member")]
        )
        cls.stranger_org = cls.env["res.partner"].create(
            {"name": "Not a member school", "is_company": True}
        )
        stranger_contact = cls.env["res.partner"].create(
            {"name": "Stranger", "parent_id": cls.stranger_org.id, "email": "s@example.com"}
        )
        cls.stranger = cls._create_portal_user("gov_stranger", stranger_contact)
        cls.internal = cls._create_user("gov_internal", "base.group_user")
