from datetime import timedelta

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .portal_common import CommunityPortalCommon


@tagged("post_install", "-at_install")
class TestCommunityPortalRules(CommunityPortalCommon):
    """What each portal user reads through the ORM (the same as over JSON-RPC), whatever page
    they use."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.city_product = cls._create_material(community_id=cls.city.id)
        cls.city_product.action_submit()
        cls.city_draft = cls._create_material(community_id=cls.city.id)
        cls.team_product = cls._create_material(community_id=cls.closed_team.id)
        cls.team_product.action_submit()
        post = {
            "name": "Proposed",
            "event_form": "seminar",
            "date": (cls._today() + timedelta(days=60)).isoformat(),
            "time": "10:00",
            "duration": "2",
        }
        values, _errors = cls.city._portal_prepare_meeting_values(post, "UTC")
        cls.proposal = cls.city._propose_meeting(values, cls.mentor)
        cls.all_communities = cls.city | cls.closed_team | cls.school_exec | cls.open_third
        cls.all_pairs = cls.pair_exec | cls.pair_cross | cls.pair_third
        cls.Member = cls.env["network.community.member"]

    def _visible(self, user, records):
        return records.with_user(user).search([("id", "in", records.ids)])

    def _members(self, user):
        members = self.Member.search([("community_id", "in", self.all_communities.ids)])
        return {(m.community_id, m.partner_id) for m in self._visible(user, members)}

    def test_teacher_of_another_school(self):
        anna = self.teacher_user
        self.assertEqual(self._visible(anna, self.all_communities), self.city)
        self.assertEqual(
            self._members(anna),
            {(self.city, p) for p in (self.mentor, self.young, self.listener)},
        )
        self.assertFalse(self._visible(anna, self.all_pairs))
        self.assertFalse(self._visible(anna, self.all_pairs.plan_line_ids))
        for record in (self.closed_team, self.pair_exec, self.pair_third.plan_line_ids):
            with self.subTest(record=record), self.assertRaises(AccessError):
                record.with_user(anna).read(["display_name"])
        # the closed team's members are nobody's business but its members'
        with self.assertRaises(AccessError):
            self.closed_team.current_member_ids.with_user(anna).read(["partner_id"])
        # products of her communities once handed in; no proposal of a meeting
        self.assertEqual(
            self._visible(anna, self.city_product | self.city_draft | self.team_product),
            self.city_product,
        )
        self.assertFalse(self._visible(anna, self.proposal))

    def test_members_and_mentee(self):
        vera = self.young_user
        self.assertEqual(self._visible(vera, self.all_communities), self.city | self.school_exec)
        self.assertEqual({c for c, _p in self._members(vera)}, {self.city, self.school_exec})
        self.assertEqual(self._visible(vera, self.all_pairs), self.pair_exec)
        self.assertEqual(
            self._visible(vera, self.all_pairs.plan_line_ids), self.pair_exec.plan_line_ids
        )
        # she leaves: the community's members are no longer hers to read
        self.city.action_leave(self.young)
        self.assertNotIn(self.city, {c for c, _p in self._members(vera)})
        self.assertIn(self.city, self._visible(vera, self.all_communities))  # open: may rejoin

    def test_leader_and_mentor(self):
        irina = self.mentor_user
        self.assertEqual(self._visible(irina, self.all_pairs), self.pair_exec | self.pair_cross)
        self.assertEqual(self._visible(irina, self.proposal), self.proposal)
        self.assertFalse(self._visible(irina, self.pair_third.plan_line_ids))

    def test_coordinators(self):
        elena = self.coordinator_exec
        self.assertEqual(
            self._visible(elena, self.all_communities),
            self.city | self.closed_team | self.school_exec,
        )
        # among the members, only her school's teachers
        self.assertEqual(
            self._members(elena),
            {
                (self.city, self.mentor),
                (self.city, self.young),
                (self.closed_team, self.presenter_2),
                (self.school_exec, self.presenter_2),
                (self.school_exec, self.young),
            },
        )
        self.assertEqual(self._visible(elena, self.all_pairs), self.pair_exec | self.pair_cross)
        pavel = self.coordinator_appl
        self.assertEqual(self._visible(pavel, self.all_pairs), self.pair_cross)
        self.assertEqual(self._members(pavel), {(self.city, self.listener)})
        with self.assertRaises(AccessError):
            self.pair_third.with_user(pavel).read(["name"])

    def test_portal_users_change_nothing_directly(self):
        for user in (self.mentor_user, self.young_user, self.coordinator_exec):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.city.with_user(user).write({"name": "Hacked"})
                with self.assertRaises(AccessError):
                    self.pair_exec.with_user(user).write({"state": "done"})
                with self.assertRaises(AccessError):
                    self.pair_exec.plan_line_ids.with_user(user).write({"is_done": True})
                with self.assertRaises(AccessError):
                    self.Member.with_user(user).create(
                        {"community_id": self.closed_team.id, "partner_id": user.partner_id.id}
                    )
        self.assertEqual(self.city.name, "Open city association")

    def test_stranger_and_non_member_organization(self):
        stranger = self._create_user("community_stranger", "base.group_portal")
        for records in (
            self.all_communities,
            self.all_pairs,
            self.env["network.subject"].search([]),
        ):
            with self.subTest(model=records._name):
                self.assertFalse(self._visible(stranger, records))
        self.applicant.is_network_member = False
        self.assertFalse(self._visible(self.teacher_user, self.all_communities))
