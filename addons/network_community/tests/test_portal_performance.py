from datetime import timedelta

from odoo.tests import tagged

from .portal_common import CommunityPortalCommon
from .test_portal import COUNTERS


@tagged("post_install", "-at_install")
class TestCommunityPortalQueryCount(CommunityPortalCommon):
    """The portal pages of communities, mentoring and profiles cost the same number of queries
    with a few communities, members, meetings, pairs and steps and with six times more."""

    def _grow(self, size):
        """``size`` more communities Vera belongs to (each with members of other schools and a
        meeting), members, meetings and products of the open city association, pairs in which
        she is the mentee and steps of her pair, and teachers of her school."""
        today = self._today()
        others = self.env["res.partner"]
        for org in (self.applicant, self.third_org):
            others |= self._create_teachers(org, size)
        for _i in range(size):
            community = self._create_community(leader=self.mentor)
            community.action_join(self.young | others[:3])
            self._create_meeting(community)
            mentor = self._create_teacher(self.third_org, is_mentor=True)
            pair = self._create_pair(mentor=mentor, date_start=today - timedelta(days=10))
            pair.action_start()
        self.city.action_join(others[3:])
        for _i in range(size):
            self._create_meeting(self.city)
            self._create_material(community_id=self.city.id).action_submit()
        self.env["network.mentoring.plan.line"].create(
            [
                {
                    "pair_id": self.pair_exec.id,
                    "name": f"Step {i}",
                    "date_deadline": today + timedelta(days=i - size),
                }
                for i in range(size)
            ]
        )
        self._create_teachers(self.executor, size)
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

    def _measure(self, user, urls):
        self._login(user)
        return {url: self._queries(url) for url in urls} | {
            "counters": self._queries("/my/counters", {"counters": COUNTERS})
        }

    def test_pages_do_not_grow(self):
        teacher_urls = [
            "/my/network/communities",
            "/my/network/communities?filterby=mine",
            self.city.access_url,
            "/my/network/mentoring",
            self.pair_exec.access_url,
            "/my/network/profile",
        ]
        leader_urls = [self.city.access_url]
        coordinator_urls = [
            "/my/network/communities",
            self.city.access_url,
            "/my/network/mentoring",
            "/my/network/teachers",
        ]
        self._grow(2)
        small = {
            "teacher": self._measure(self.young_user, teacher_urls),
            "leader": self._measure(self.mentor_user, leader_urls),
            "coordinator": self._measure(self.coordinator_exec, coordinator_urls),
        }
        self._grow(12)
        large = {
            "teacher": self._measure(self.young_user, teacher_urls),
            "leader": self._measure(self.mentor_user, leader_urls),
            "coordinator": self._measure(self.coordinator_exec, coordinator_urls),
        }
        self.assertEqual(len(self.young.community_member_ids), 16)
        self.assertEqual(large, small)
        # absolute budgets, with a margin
        for role, counts in small.items():
            for url, count in counts.items():
                with self.subTest(role=role, url=url):
                    self.assertLessEqual(count, 60)
