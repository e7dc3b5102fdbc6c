import json
from datetime import timedelta

from odoo.tests import tagged
from odoo.tools import mute_logger

from .portal_common import CommunityPortalCommon

COUNTERS = ["network_community_count", "network_mentoring_count", "network_teacher_count"]


@tagged("post_install", "-at_install")
class TestCommunityPortal(CommunityPortalCommon):
    """The pages of communities, mentoring and profiles for each role, with forged ids and
    POSTs to foreign records; bad input changes nothing."""

    def _member_names(self, community):
        return community.current_member_ids.partner_id.mapped("name")

    # ------------------------------------------------------------------ home
    def test_home_counters_and_entries(self):
        Community = self.env["network.community"]
        for user, pairs in (
            (self.young_user, 1),
            (self.mentor_user, 2),
            (self.coordinator_exec, 2),
            (self.coordinator_appl, 1),
            (self.teacher_user, 0),
        ):
            with self.subTest(user=user.login):
                self._login(user)
                values = self.make_jsonrpc_request("/my/counters", {"counters": COUNTERS})
                self.assertEqual(
                    values["network_community_count"],
                    Community.with_user(user).search_count([("state", "=", "active")]),
                )
                self.assertEqual(values["network_mentoring_count"], pairs)
                is_coordinator = user in (self.coordinator_exec, self.coordinator_appl)
                self.assertEqual("network_teacher_count" in values, is_coordinator)
        self._login(self.coordinator_exec)
        self.assertEqual(
            self.make_jsonrpc_request("/my/counters", {"counters": COUNTERS})[
                "network_teacher_count"
            ],
            len(self.executor.teacher_ids),
        )
        home = self.url_open("/my/home").text
        self.assertIn("/my/network/teachers", home)
        self.assertNotIn("/my/network/profile", home)
        self._login(self.young_user)
        home = self.url_open("/my/home").text
        self.assertIn("/my/network/profile", home)
        self.assertIn("/my/network/communities", home)
        self.assertIn("/my/network/mentoring", home)

    # ------------------------------------------------------------------ communities
    def test_teacher_lists_and_reads_communities(self):
        self._login(self.teacher_user)
        listing = self.url_open("/my/network/communities").text
        self.assertIn("Open city association", listing)
        for name in (
            "Closed creative team",
            "Executor school association",
            "Third school association",
        ):
            self.assertNotIn(name, listing)
        mine = self.url_open("/my/network/communities?filterby=mine").text
        self.assertIn("Open city association", mine)
        page = self.url_open(self.city.access_url)
        self.assertEqual(page.status_code, 200)
        # a member reads the members' names, of every school
        for name in self._member_names(self.city):
            self.assertIn(name, page.text)
        for community in (self.closed_team, self.school_exec, self.open_third):
            with self.subTest(community=community.name):
                self.assertEqual(self.url_open(community.access_url).status_code, 404)

    def test_non_member_reads_no_names(self):
        # an open community Anna is not in: its plan, not its people
        other = self._create_community(leader=self.mentor, name="Another open association")
        other.action_join(self.young)
        meeting = self._create_meeting(other, name="Open meeting of the association")
        self._login(self.teacher_user)
        page = self.url_open(other.access_url).text
        self.assertIn("Open meeting of the association", page)
        self.assertIn("o_network_community_join", page)
        for name in (self.mentor.name, self.young.name):
            self.assertNotIn(name, page)
        self.assertNotIn("o_network_community_members", page)
        # nor over JSON-RPC
        self.assertEqual(
            self._rpc(
                "network.community.member",
                "search_read",
                [("community_id", "=", other.id)],
                ["partner_id"],
            ),
            [],
        )
        self.assertTrue(meeting)

    def test_json_rpc_follows_the_rules(self):
        self._login(self.teacher_user)
        self.assertEqual(
            self._rpc(
                "network.community.member",
                "search_read",
                [("community_id", "=", self.closed_team.id)],
                ["partner_id"],
            ),
            [],
        )
        self.assertEqual(self._rpc("network.mentoring.pair", "search_read", [], ["name"]), [])
        error = self._rpc("network.mentoring.pair", "read", self.pair_exec.ids, ["name"])
        self.assertIn("AccessError", json.dumps(error))
        error = self._rpc("network.community", "write", self.city.ids, {"name": "Hacked"})
        self.assertIn("AccessError", json.dumps(error))
        self.assertEqual(self.city.name, "Open city association")

    def test_join_and_leave(self):
        open_school = self._create_community(
            "school_association",
            leader=self.presenter_2,
            organization=self.executor,
            name="Open executor association",
        )
        self._login(self.young_user)
        response = self._post(f"{open_school.access_url}/join")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.young, open_school.current_member_ids.partner_id)
        # twice: refused with a message, nothing changes
        response = self._post(f"{open_school.access_url}/join")
        self.assertIn("alert-danger", response.text)
        self.assertEqual(
            len(open_school.member_ids.filtered(lambda m: m.partner_id == self.young)), 1
        )
        self._post(f"{open_school.access_url}/leave")
        self.assertNotIn(self.young, open_school.current_member_ids.partner_id)
        # a closed community she belongs to: she leaves it but cannot join it back herself
        self._post(f"{self.school_exec.access_url}/leave")
        self.assertNotIn(self.young, self.school_exec.current_member_ids.partner_id)
        with mute_logger("odoo.http"):
            self.assertEqual(self._post(f"{self.school_exec.access_url}/join").status_code, 404)
        # the leader cannot leave
        self._login(self.mentor_user)
        response = self._post(f"{self.city.access_url}/leave")
        self.assertIn("alert-danger", response.text)
        self.assertIn(self.mentor, self.city.current_member_ids.partner_id)

    @mute_logger("odoo.http")
    def test_join_refused(self):
        self._login(self.teacher_user)
        # another school's open association and a closed team: they do not exist for her
        for community in (self.open_third, self.closed_team):
            with self.subTest(community=community.name):
                self.assertEqual(self._post(f"{community.access_url}/join").status_code, 404)
        self.assertNotIn(
            self.listener, (self.open_third | self.closed_team).current_member_ids.partner_id
        )
        # coordinators do not join
        self._login(self.coordinator_appl)
        response = self._post(f"{self.city.access_url}/join")
        self.assertEqual(response.status_code, 403)
        # without the CSRF token nothing happens
        self._login(self.teacher_user)
        other = self._create_community(name="CSRF association")
        response = self._post(f"{other.access_url}/join", {"x": "1"}, csrf=False)
        self.assertEqual(response.status_code, 400)
        self.assertFalse(other.current_member_ids.filtered(lambda m: m.partner_id == self.listener))

    def test_leader_manages_members(self):
        self._login(self.mentor_user)
        page = self.url_open(self.city.access_url).text
        self.assertIn("o_network_community_add", page)
        # candidates: colleagues of her school who are not members, nobody else
        self.assertIn(self.presenter_2.name, page)
        self.assertNotIn(self.listener_2.name, page)
        self._post(f"{self.city.access_url}/members/add", {"partner_ids": [self.presenter_2.id]})
        self.assertIn(self.presenter_2, self.city.current_member_ids.partner_id)
        # another school's teacher cannot be forged in
        response = self._post(
            f"{self.city.access_url}/members/add", {"partner_ids": [self.listener_2.id]}
        )
        self.assertIn("alert-danger", response.text)
        self.assertNotIn(self.listener_2, self.city.current_member_ids.partner_id)
        # removing a member; the leader's own row is refused
        anna = self.city.current_member_ids.filtered(lambda m: m.partner_id == self.listener)
        self._post(f"{self.city.access_url}/members/{anna.id}/remove")
        self.assertNotIn(self.listener, self.city.current_member_ids.partner_id)
        own = self.city.current_member_ids.filtered(lambda m: m.partner_id == self.mentor)
        response = self._post(f"{self.city.access_url}/members/{own.id}/remove")
        self.assertIn("alert-danger", response.text)
        self.assertIn(self.mentor, self.city.current_member_ids.partner_id)
        with mute_logger("odoo.http"):
            # a member of another community
            foreign = self.school_exec.current_member_ids[:1]
            response = self._post(f"{self.city.access_url}/members/{foreign.id}/remove")
            self.assertEqual(response.status_code, 404)
            # not the leader
            self._login(self.young_user)
            response = self._post(
                f"{self.city.access_url}/members/add", {"partner_ids": [self.presenter.id]}
            )
            self.assertEqual(response.status_code, 403)
            vera = self.city.current_member_ids.filtered(lambda m: m.partner_id == self.young)
            self.assertEqual(
                self._post(f"{self.city.access_url}/members/{vera.id}/remove").status_code, 403
            )

    def test_leader_proposes_a_meeting(self):
        day = (self._today() + timedelta(days=21)).isoformat()
        form = {
            "name": "Разбор олимпиадных задач",
            "event_form": "workshop",
            "date": day,
            "time": "14:00",
            "duration": "1.5",
            "description": "<script>alert(1)</script>",
        }
        self._login(self.mentor_user)
        before = len(self.city.proposal_ids)
        response = self._post(f"{self.city.access_url}/meetings/new", dict(form, duration="12"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("invalid-feedback", response.text)
        self.assertIn("Разбор олимпиадных задач", response.text)  # what was typed is kept
        self.assertEqual(len(self.city.proposal_ids), before)
        response = self._post(f"{self.city.access_url}/meetings/new", form)
        self.assertIn("alert-success", response.text)
        proposal = self.city.proposal_ids - self.city.proposal_ids[:before]
        self.assertEqual(proposal.community_proposal_state, "proposed")
        self.assertNotIn("<script>", proposal.description)
        self.assertIn("o_network_proposal_waiting", self.url_open(self.city.access_url).text)
        # members do not see it in the plan until the methodist accepts it
        self._login(self.young_user)
        self.assertNotIn("Разбор олимпиадных задач", self.url_open(self.city.access_url).text)
        with mute_logger("odoo.http"):
            response = self._post(f"{self.city.access_url}/meetings/new", form)
        self.assertEqual(response.status_code, 403)
        proposal.action_accept_community_meeting()
        self.assertIn("Разбор олимпиадных задач", self.url_open(self.city.access_url).text)

    def test_products(self):
        product = self._create_material(community_id=self.city.id)
        product.action_submit()
        attachment = product.attachment_ids
        url = f"{self.city.access_url}/products/{product.id}/files/{attachment.id}"
        self._login(self.teacher_user)
        page = self.url_open(self.city.access_url).text
        self.assertIn(product.name, page)
        self.assertEqual(self.url_open(url).content, b"network material")
        with mute_logger("odoo.http"):
            # through another community, or by another attachment id: nothing
            other = self._create_community(name="Empty association")
            self.assertEqual(
                self.url_open(
                    f"{other.access_url}/products/{product.id}/files/{attachment.id}"
                ).status_code,
                404,
            )
            self.assertEqual(
                self.url_open(f"{self.city.access_url}/products/{product.id}/files/1").status_code,
                404,
            )
            # the coordinator of another school reads the community, not its products
            self._login(self.coordinator_appl)
            self.assertEqual(self.url_open(url).status_code, 404)

    def test_meeting_tokens_on_the_members_card(self):
        meeting = self._create_meeting(
            self.city, name="Заседание ГМО о ВПР", presenter_ids=[(6, 0, self.mentor.ids)]
        )
        self._register(meeting, self.young | self.listener)
        meeting._issue_tokens()
        for user, role_class in (
            (self.young_user, "text-bg-success"),
            (self.mentor_user, "text-bg-danger"),
        ):
            with self.subTest(user=user.login):
                self._login(user)
                card = self.url_open("/my/network/card").text
                self.assertIn("Заседание ГМО о ВПР", card)
                self.assertIn(role_class, card)
        # the meeting is in the plan on the community's page, marked held
        self._login(self.young_user)
        self.assertIn("Заседание ГМО о ВПР", self.url_open(self.city.access_url).text)

    # ------------------------------------------------------------------ mentoring
    def test_mentee_works_the_plan(self):
        self._login(self.young_user)
        listing = self.url_open("/my/network/mentoring").text
        self.assertIn(self.pair_exec.access_url, listing)
        self.assertNotIn(self.pair_cross.access_url, listing)
        page = self.url_open(self.pair_exec.access_url).text
        self.assertIn("o_network_plan_step_overdue", page)
        self.assertNotIn("o_network_step_new", page)  # the mentor adds steps
        with mute_logger("odoo.http"):
            for pair in (self.pair_cross, self.pair_third):
                self.assertEqual(self.url_open(pair.access_url).status_code, 404)
        step = self.pair_exec.plan_line_ids.filtered(lambda s: s.name == "Observe lessons")
        self._post(
            f"{self.pair_exec.access_url}/steps/{step.id}/done", {"result": "<b>3 уроки</b>"}
        )
        self.assertEqual(
            (step.is_done, step.result, step.done_by_id), (True, "<b>3 уроки</b>", self.young)
        )
        page = self.url_open(self.pair_exec.access_url).text
        self.assertIn("&lt;b&gt;3 уроки&lt;/b&gt;", page)
        self.assertNotIn("o_network_plan_step_overdue", page)
        self._post(f"{self.pair_exec.access_url}/steps/{step.id}/undone")
        self.assertFalse(step.is_done)
        # a too long result changes nothing
        response = self._post(
            f"{self.pair_exec.access_url}/steps/{step.id}/done", {"result": "x" * 5001}
        )
        self.assertIn("alert-danger", response.text)
        self.assertFalse(step.is_done)
        with mute_logger("odoo.http"):
            # a step of another pair, through her pair or through its own
            secret = self.pair_third.plan_line_ids
            self.assertEqual(
                self._post(f"{self.pair_exec.access_url}/steps/{secret.id}/done").status_code, 404
            )
            self.assertEqual(
                self._post(f"{self.pair_third.access_url}/steps/{secret.id}/done").status_code, 404
            )
            # adding steps is the mentor's
            response = self._post(
                f"{self.pair_exec.access_url}/steps/new",
                {"name": "Mine", "date_deadline": self._today().isoformat()},
            )
            self.assertEqual(response.status_code, 403)
        self.assertFalse(secret.is_done)

    def test_mentor_adds_steps(self):
        self._login(self.mentor_user)
        count = len(self.pair_exec.plan_line_ids)
        response = self._post(
            f"{self.pair_exec.access_url}/steps/new", {"name": "", "date_deadline": "someday"}
        )
        self.assertIn("invalid-feedback", response.text)
        self.assertEqual(len(self.pair_exec.plan_line_ids), count)
        deadline = (self._today() + timedelta(days=40)).isoformat()
        self._post(
            f"{self.pair_exec.access_url}/steps/new",
            {"name": "Conduct an open lesson", "date_deadline": deadline},
        )
        self.assertIn("Conduct an open lesson", self.pair_exec.plan_line_ids.mapped("name"))
        # her other pair's mentee is of another school: she is still its mentor
        self.assertEqual(self.url_open(self.pair_cross.access_url).status_code, 200)

    def test_mentee_rates_finished_pair(self):
        self._login(self.young_user)
        response = self._post(f"{self.pair_exec.access_url}/rate", {"mentee_rating": "4"})
        self.assertIn("alert-danger", response.text)  # not finished yet
        self.pair_exec.outcome = "achieved"
        self.pair_exec.action_done()
        page = self.url_open(self.pair_exec.access_url).text
        self.assertIn("o_network_pair_rate", page)
        self.assertNotIn("o_network_step_done", page)
        response = self._post(f"{self.pair_exec.access_url}/rate", {"mentee_rating": "9"})
        self.assertIn("alert-danger", response.text)
        self.assertEqual(self.pair_exec.mentee_rating, "0")
        self._post(f"{self.pair_exec.access_url}/rate", {"mentee_rating": "4"})
        self.assertEqual(self.pair_exec.mentee_rating, "4")
        self._login(self.mentor_user)
        with mute_logger("odoo.http"):
            response = self._post(f"{self.pair_exec.access_url}/rate", {"mentee_rating": "5"})
        self.assertEqual(response.status_code, 403)
        self.assertEqual(self.pair_exec.mentee_rating, "4")

    def test_coordinator_follows_the_school_pairs(self):
        self._login(self.coordinator_exec)
        listing = self.url_open("/my/network/mentoring").text
        self.assertIn(self.pair_exec.access_url, listing)
        self.assertIn(self.pair_cross.access_url, listing)
        self.assertNotIn(self.pair_third.access_url, listing)
        page = self.url_open(self.pair_exec.access_url).text
        self.assertNotIn("o_network_step_done", page)
        step = self.pair_exec.plan_line_ids[:1]
        with mute_logger("odoo.http"):
            response = self._post(f"{self.pair_exec.access_url}/steps/{step.id}/done")
            self.assertEqual(response.status_code, 403)
            self.assertEqual(self.url_open(self.pair_third.access_url).status_code, 404)
            self._login(self.coordinator_appl)
            self.assertEqual(self.url_open(self.pair_exec.access_url).status_code, 404)
        self.assertFalse(step.is_done)

    # ------------------------------------------------------------------ profiles
    def test_profiles(self):
        self._login(self.young_user)
        page = self.url_open("/my/network/profile").text
        self.assertIn("o_network_badge_young", page)
        self.assertIn(self.city.name, page)
        self.assertIn(self.pair_exec.access_url, page)
        with mute_logger("odoo.http"):
            self.assertEqual(self.url_open("/my/network/teachers").status_code, 403)
        lonely = self._create_teacher(
            self.executor, "Lonely Young", teacher_career_start=self.current_start
        )
        self._login(self.coordinator_exec)
        page = self.url_open("/my/network/teachers").text
        for teacher in self.executor.teacher_ids:
            self.assertIn(teacher.name, page)
        self.assertIn("o_network_young_gap", page)
        self.assertIn(lonely.name, page)
        self.assertNotIn(self.listener.name, page)
        with mute_logger("odoo.http"):
            self.assertEqual(self.url_open("/my/network/profile").status_code, 403)

    @mute_logger("odoo.http")
    def test_strangers_and_staff(self):
        stranger = self._create_user("community_portal_stranger", "base.group_portal")
        for user, reason in ((stranger, "not_member"), (self.methodist, "internal")):
            self.authenticate(user.login, user.login)
            for url in (
                "/my/network/communities",
                self.city.access_url,
                "/my/network/mentoring",
                self.pair_exec.access_url,
                "/my/network/profile",
                "/my/network/teachers",
            ):
                with self.subTest(user=user.login, url=url):
                    response = self.url_open(url)
                    self.assertEqual(response.status_code, 403)
                    self.assertIn(f'data-reason="{reason}"', response.text)
