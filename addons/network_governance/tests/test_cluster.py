from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import GovernanceTestCommon


@tagged("post_install", "-at_install")
class TestClusterLevels(GovernanceTestCommon):
    """The level rule (Krasnodar 002, 3.4 and 6.2): a level-2 network partner works under a
    level-1 innovation centre; a level-3 partner platform under a level-2 partner or directly
    under the centre; a level-1 centre under nobody."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.centre = cls._create_org("Test innovation centre", network_level="1")
        cls.partner_school = cls._create_org("Test network partner", network_level="2")
        cls.platform = cls._create_org("Test partner platform", network_level="3")

    def _refused(self, org, values, message):
        with self.assertRaisesRegex(ValidationError, message), self.env.cr.savepoint():
            org.write(values)

    def test_chain_of_levels(self):
        self.partner_school.network_parent_id = self.centre
        self.platform.network_parent_id = self.partner_school
        self.assertEqual(self.centre.network_child_ids, self.partner_school)
        self.assertEqual(self.platform.network_cluster_id, self.centre)
        self.assertEqual(self.partner_school.network_cluster_id, self.centre)
        self.assertEqual(self.centre.network_cluster_id, self.centre)
        self.assertEqual(self.centre.network_cluster_size, 3)
        # a platform may also work directly under the centre (002, 6.2)
        self.platform.network_parent_id = self.centre
        self.assertEqual(self.platform.network_cluster_id, self.centre)

    def test_cluster_follows_a_new_head(self):
        other_centre = self._create_org("Other centre", network_level="1")
        self.partner_school.network_parent_id = self.centre
        self.platform.network_parent_id = self.partner_school
        self.partner_school.network_parent_id = other_centre
        self.assertEqual(self.platform.network_cluster_id, other_centre)
        self.partner_school.network_parent_id = False
        self.assertEqual(self.platform.network_cluster_id, self.partner_school)

    def test_refusals(self):
        other_partner = self._create_org("Other partner", network_level="2")
        other_platform = self._create_org("Other platform", network_level="3")
        other_centre = self._create_org("Other centre", network_level="1")
        unlevelled = self._create_org("No level")
        outsider = self.env["res.partner"].create(
            {"name": "Not a member", "is_company": True, "network_level": "1"}
        )
        cases = [
            (self.partner_school, other_partner, "cannot work under"),  # 2 under 2
            (self.platform, other_platform, "cannot work under"),  # 3 under 3
            (self.centre, other_centre, "cannot work under"),  # 1 under 1
            (self.centre, self.partner_school, "cannot work under"),  # 1 under 2
            (self.partner_school, self.platform, "cannot work under"),  # 2 under 3
            (unlevelled, self.centre, "Give the network levels"),
            (self.platform, unlevelled, "Give the network levels"),
            (self.partner_school, outsider, "must both be organizations of the network"),
        ]
        for org, head, message in cases:
            with self.subTest(org=org.name, head=head.name):
                self._refused(org, {"network_parent_id": head.id}, message)
                self.assertFalse(org.network_parent_id)

    def test_a_head_keeps_its_level_above_its_members(self):
        self.partner_school.network_parent_id = self.centre
        self.platform.network_parent_id = self.partner_school
        self._refused(self.partner_school, {"network_level": "3"}, "cannot work under")
        self._refused(self.centre, {"network_level": "2"}, "cannot work under")
        self._refused(self.centre, {"network_level": False}, "Give the network levels")
        self.assertEqual(self.centre.network_level, "1")
        self.assertEqual(self.partner_school.network_level, "2")

    def test_cluster_kpis_action(self):
        self.partner_school.network_parent_id = self.centre
        action = self.partner_school.action_view_cluster_kpis()
        self.assertEqual(action["res_model"], "network.kpi.report")
        self.assertEqual(action["context"]["network_cluster_id"], self.centre.id)
        members = self.env["res.partner"].search(
            self.centre.action_view_network_cluster()["domain"]
        )
        self.assertEqual(members, self.centre | self.partner_school)
