from datetime import date

from odoo.tests import tagged

from odoo.addons.network_methodology.tests.access_matrix import (
    ALL,
    NONE,
    READ,
    AccessMatrixMixin,
)

from .common import CommunityTestCommon

NETWORK_DATA = {
    "department": READ,
    "methodist": ALL,
    "manager": ALL,
    "internal": NONE,
    "portal": NONE,
}
REFERENCE_DATA = {
    "department": READ,
    "methodist": READ,
    "manager": ALL,
    "internal": READ,
    "portal": NONE,
}
# The portal user of this matrix belongs to no member organization: they read nothing (a
# stranger who signed up). Portal teachers and coordinators are tested in test_portal_rules.
EXPECTED = {
    "network.subject": REFERENCE_DATA,
    "network.community": NETWORK_DATA,
    "network.community.member": NETWORK_DATA,
    "network.mentoring.pair": NETWORK_DATA,
    "network.mentoring.plan.line": NETWORK_DATA,
}


@tagged("post_install", "-at_install")
class TestCommunityAccessRights(AccessMatrixMixin, CommunityTestCommon):
    EXPECTED = EXPECTED
    WRITES = {
        "network.subject": ("name", "Renamed subject"),
        "network.community": ("name", "Renamed community"),
        "network.community.member": ("date_join", date(1991, 1, 1)),
        "network.mentoring.pair": ("goal", "Another goal"),
        "network.mentoring.plan.line": ("name", "Another step"),
    }

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._create_access_users("community")
        cls.access_community = cls._create_community(leader=cls.mentor)

    def _values(self, model):
        tag = self._uid_str()
        if model == "network.subject":
            return {"name": f"Subject {tag}"}
        if model == "network.community":
            return {"name": f"Community {tag}", "community_kind": "creative_team"}
        if model == "network.community.member":
            teacher = self._create_teacher(self.third_org)
            return {"community_id": self.access_community.id, "partner_id": teacher.id}
        if model == "network.mentoring.pair":
            mentee = self._create_teacher(self.third_org)
            return {
                "mentor_id": self.mentor.id,
                "mentee_id": mentee.id,
                "date_start": date(1990, 9, 1),
                "goal": f"Goal {tag}",
            }
        if model == "network.mentoring.plan.line":
            return {
                "pair_id": self._create_pair(mentee=self._create_teacher(self.third_org)).id,
                "name": f"Step {tag}",
                "date_deadline": date(1990, 12, 1),
            }
        raise NotImplementedError(model)

    def test_reports_read_only(self):
        reports = (
            "network.community.report",
            "network.mentoring.report",
            "network.young.teacher.report",
        )
        for key, user in self.users.items():
            for model in reports:
                allowed = key in ("department", "methodist", "manager")
                with self.subTest(user=key, model=model):
                    self.assertEqual(self.env[model].with_user(user).has_access("read"), allowed)
                    self.assertFalse(self.env[model].with_user(user).has_access("write"))
