import psycopg2

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import CommunityTestCommon


@tagged("post_install", "-at_install")
class TestCommunity(CommunityTestCommon):
    """Communities: levels, the leader's membership, joining and leaving with every refusal,
    closing and reopening."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.city = cls._create_community(leader=cls.mentor)
        cls.school = cls._create_community(
            "school_association", leader=cls.presenter_2, organization=cls.executor, is_open=False
        )

    def _current(self, community):
        return community.current_member_ids.partner_id

    # ------------------------------------------------------------------ levels and leader
    def test_every_kind_of_the_contract(self):
        kinds = [kind for kind, _label in self.Community._fields["community_kind"].selection]
        self.assertEqual(
            kinds,
            [
                "city_association",
                "school_association",
                "young_teacher_school",
                "head_school",
                "creative_team",
                "cross_functional_team",
                "permanent_seminar",
                "expert_group",
                "other",
            ],
        )
        for kind in kinds:
            organization = self.executor if kind == "school_association" else None
            with self.subTest(kind=kind):
                self.assertEqual(
                    self._create_community(kind, organization=organization).community_kind, kind
                )

    def test_levels(self):
        with self.assertRaises(ValidationError):
            self._create_community("school_association")
        with self.assertRaises(ValidationError):
            self._create_community("city_association", organization=self.executor)
        # the other kinds work at either level
        team = self._create_community("creative_team", organization=self.executor)
        team.organization_id = False
        self.assertFalse(team.organization_id)

    def test_leader_is_a_member(self):
        self.assertEqual(self._current(self.city), self.mentor)
        self.assertEqual(self.city.current_member_ids.role, "leader")
        self.city.action_join(self.listener)
        # a new leader: the former one stays a member, the new one leads
        self.city.leader_id = self.listener
        roles = {m.partner_id: m.role for m in self.city.current_member_ids}
        self.assertEqual(roles, {self.mentor: "member", self.listener: "leader"})
        # a leader who was not a member becomes one
        self.city.leader_id = self.listener_2
        self.assertIn(self.listener_2, self._current(self.city))
        self.assertEqual(
            self.city.current_member_ids.filtered(lambda m: m.role == "leader").partner_id,
            self.listener_2,
        )

    def test_leader_rules(self):
        with self.assertRaises(ValidationError):
            self.city.leader_id = self.executor  # not a teacher
        with self.assertRaises(ValidationError):
            self.school.leader_id = self.listener  # not a teacher of the school

    # ------------------------------------------------------------------ joining
    def test_join_and_leave(self):
        members = self.city.action_join(self.listener | self.listener_2)
        self.assertEqual(len(members), 2)
        self.assertEqual(set(members.mapped("role")), {"member"})
        self.assertEqual(members.mapped("date_join"), [self._today()] * 2)
        self.assertEqual(self.city.member_count, 3)
        self.city.action_leave(self.listener)
        self.assertNotIn(self.listener, self._current(self.city))
        left = self.city.member_ids.filtered(lambda m: m.partner_id == self.listener)
        self.assertEqual(left.date_leave, self._today())
        self.assertFalse(left.is_current)
        # and joins again: a new membership, the old one stays in the history
        self.city.action_join(self.listener)
        self.assertEqual(
            len(self.city.member_ids.filtered(lambda m: m.partner_id == self.listener)), 2
        )
        self.assertIn(self.listener.name, self.city.message_ids[0].body)

    def test_join_refusals(self):
        cases = {
            "not a teacher": (self.city, self.executor, ValidationError),
            "already a member": (self.city, self.mentor, UserError),
            "nobody": (self.city, self.env["res.partner"], UserError),
            "teacher of another school": (self.school, self.listener, ValidationError),
        }
        for case, (community, partners, error) in cases.items():
            count = len(community.member_ids)
            with self.subTest(case=case), self.assertRaises(error):
                community.action_join(partners)
            self.assertEqual(len(community.member_ids), count)
        self.city.action_close()
        with self.assertRaises(UserError):
            self.city.action_join(self.listener)
        self.assertEqual(self._current(self.city), self.mentor)

    def test_leave_refusals(self):
        with self.assertRaises(UserError):
            self.city.action_leave(self.mentor)  # the leader
        with self.assertRaises(UserError):
            self.city.action_leave(self.listener)  # not a member
        with self.assertRaises(UserError):
            self.city.action_leave(self.env["res.partner"])
        self.assertEqual(self._current(self.city), self.mentor)
        # the leader's own membership cannot be ended by hand either
        with self.assertRaises(ValidationError):
            self.city.current_member_ids.date_leave = self._today()

    def test_one_current_membership_in_the_database(self):
        self.city.action_join(self.listener)
        with self.assertRaisesDatabase(psycopg2.errors.ExclusionViolation):
            self.env["network.community.member"].create(
                {"community_id": self.city.id, "partner_id": self.listener.id}
            )
        with self.assertRaisesDatabase(psycopg2.errors.CheckViolation):
            member = self.city.current_member_ids.filtered(lambda m: m.partner_id == self.listener)
            self.env.cr.execute(
                "UPDATE network_community_member SET date_leave = date_join - 1 WHERE id = %s",
                [member.id],
            )

    def test_member_rules(self):
        Member = self.env["network.community.member"]
        with self.assertRaises(ValidationError):
            Member.create({"community_id": self.school.id, "partner_id": self.listener.id})
        with self.assertRaises(ValidationError):
            Member.create({"community_id": self.city.id, "partner_id": self.executor.id})
        member = self.city.action_join(self.listener)
        with self.assertRaises(ValidationError):
            member.date_leave = self._today().replace(year=self._today().year + 1)
        # a school community cannot move to a school its members do not belong to
        self.school.action_join(self.presenter)
        with self.assertRaises(ValidationError):
            self.school.write({"organization_id": self.applicant.id, "leader_id": False})

    def test_wizard_adds_members(self):
        wizard = (
            self.env["network.community.member.wizard"]
            .with_user(self.methodist)
            .create({"community_id": self.city.id, "partner_ids": [(6, 0, self.listener.ids)]})
        )
        self.assertEqual(wizard.current_partner_ids, self.mentor)
        wizard.action_confirm()
        self.assertEqual(self._current(self.city), self.mentor | self.listener)

    # ------------------------------------------------------------------ state
    def test_close_and_reopen(self):
        self.city.action_close()
        self.assertEqual((self.city.state, self.city.date_closed), ("closed", self._today()))
        with self.assertRaises(UserError):
            self.city.action_close()
        self.city.action_reopen()
        self.assertEqual((self.city.state, self.city.date_closed), ("active", False))
        with self.assertRaises(UserError):
            self.city.action_reopen()

    def test_portal_join_condition(self):
        self.assertTrue(self.city._can_join_from_portal(self.listener))
        self.assertFalse(self.city._can_join_from_portal(self.mentor))  # a member already
        self.assertFalse(self.school._can_join_from_portal(self.presenter))  # by invitation
        self.school.is_open = True
        self.assertTrue(self.school._can_join_from_portal(self.presenter))
        self.assertFalse(self.school._can_join_from_portal(self.listener))  # another school
        self.city.action_close()
        self.assertFalse(self.city._can_join_from_portal(self.listener))

    def test_portal_member_candidates(self):
        # the leader adds colleagues of the community's school (their own school for a city
        # community), never another school's teachers
        self.assertEqual(
            self.city._portal_member_candidates(self.mentor),
            self.executor.teacher_ids - self.mentor,
        )
        partners, errors = self.city._portal_prepare_members(
            {"partner_ids": [str(self.young.id)]}, self.mentor
        )
        self.assertEqual((partners, errors), (self.young, {}))
        for post in (
            {"partner_ids": []},
            {"partner_ids": [str(self.listener.id)]},
            {"partner_ids": ["x"]},
        ):
            with self.subTest(post=post):
                partners, errors = self.city._portal_prepare_members(post, self.mentor)
                self.assertIn("partner_ids", errors)

    def test_delete_only_without_history(self):
        empty = self._create_community()
        empty.unlink()
        self._create_meeting(self.city)
        with self.assertRaises(UserError):
            self.city.unlink()
