from odoo.tests import tagged

from .portal_common import StudentPortalCommon


@tagged("post_install", "-at_install")
class TestStudentPortalQueryCount(StudentPortalCommon):
    """The pages of a coordinator, an organizer and a jury member cost the same number of
    queries for a project with two students and for one with ten (and their scores)."""

    def _queries(self, url):
        """Queries of a warm request (caches filled by a first one)."""
        for _i in range(2):
            before = self.cr.sql_log_count
            response = self.url_open(url)
            self.assertEqual(response.status_code, 200, url)
            count = self.cr.sql_log_count - before
        return count

    def _project_with(self, size, judge=False):
        """An open project (judged and scored with ``judge``) with ``size`` students of the
        applicant and school D in turn."""
        project = self._create_project(state="open")
        schools = self.applicant | self.school_d
        self.Participant.create(
            [
                {
                    "project_id": project.id,
                    "organization_id": schools[index % 2].id,
                    "student_name": f"Student {index}",
                    "grade": 6,
                    "supervisor_id": (self.listener | self.teacher_d)[index % 2].id,
                }
                for index in range(size)
            ]
        )
        if judge:
            project.action_judge()
            for participant in project.participant_ids:
                self._score_evenly(participant, (5, 2))
        self.env.flush_all()
        return project

    def test_pages_do_not_grow(self):
        for user, judge in (
            (self.coordinator_appl, False),
            (self.coordinator_exec, False),
            (self.jury_user, True),
        ):
            with self.subTest(user=user.login):
                small, large = self._project_with(2, judge), self._project_with(10, judge)
                self._login(user)
                self.assertEqual(self._queries(small.access_url), self._queries(large.access_url))
                before = self._queries("/my/network/student-projects")
                self._project_with(3, judge)
                self.assertEqual(self._queries("/my/network/student-projects"), before)
