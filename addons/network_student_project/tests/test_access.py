import re

from odoo.exceptions import AccessError

from .portal_common import StudentPortalCommon


class TestAccess(StudentPortalCommon):
    """Who reads and changes what, through the ORM (the same rules hold over JSON-RPC and
    the pages, see test_portal)."""

    def test_methodist_runs_the_project(self):
        Project = self.Project.with_user(self.methodist)
        project = Project.create(
            {
                "name": "Methodist's olympiad",
                "project_kind": "olympiad",
                "organizer_ids": [(6, 0, self.executor.ids)],
                "jury_ids": [(6, 0, self.presenter.ids)],
                "date_start": "1991-04-01",
                "date_end": "1991-04-02",
                "criteria": [(0, 0, {"name": "Task 1", "max_score": 7})],
            }
        )
        project.action_open()
        student = self._register(project.with_user(self.methodist), self.applicant)
        project.action_judge()
        self._score_evenly(student.with_user(self.methodist), (7,))
        project.action_done()
        self.assertEqual(student.place, 1)

    def test_department_reads_projects_not_students(self):
        project = self.judged_project.with_user(self.department)
        self.assertTrue(project.read(["name", "participant_count"]))
        self.assertEqual(project.participant_count, 2)
        with self.assertRaises(AccessError):
            project.write({"name": "Renamed"})
        with self.assertRaises(AccessError):
            project.action_done()
        with self.assertRaises(AccessError):
            self.judged_own.with_user(self.department).read(["student_name"])
        with self.assertRaises(AccessError):
            self.Score.with_user(self.department).search([])
        report = self.env["network.student.project.report"].with_user(self.department)
        rows = report.search([("project_id", "=", self.judged_project.id)])
        self.assertEqual(sorted(rows.mapped("participants")), [1, 1])

    def test_coordinator_reads_own_students_only(self):
        user = self.coordinator_appl
        Participant = self.Participant.with_user(user)
        self.assertEqual(Participant.search([]), self.own_student | self.judged_own)
        for foreign in (self.other_student, self.organizer_student, self.foreign_student):
            with self.subTest(student=foreign.student_name), self.assertRaises(AccessError):
                foreign.with_user(user).read(["student_name", "grade"])
        with self.assertRaises(AccessError):
            self.own_student.with_user(user).write({"grade": 7})
        with self.assertRaises(AccessError):
            self.own_student.with_user(user).unlink()
        with self.assertRaises(AccessError):
            Participant.create(
                {
                    "project_id": self.open_project.id,
                    "organization_id": self.applicant.id,
                    "student_name": "Sneaky",
                    "grade": 6,
                }
            )
        # projects past their draft, never a draft one
        projects = self.Project.with_user(user).search([])
        self.assertIn(self.open_project, projects)
        self.assertIn(self.foreign_project, projects)
        self.assertNotIn(self.draft_project, projects)

    def test_organizer_reads_every_participant_of_its_project(self):
        user = self.coordinator_exec
        found = self.Participant.with_user(user).search([])
        self.assertEqual(
            found,
            self.open_project.participant_ids
            | self.judged_project.participant_ids
            | self.foreign_project.participant_ids,
        )
        self.assertEqual(self.other_student.with_user(user).grade, 8)

    def test_jury_reads_the_projects_it_judges(self):
        user = self.jury_user
        projects = self.Project.with_user(user).search([])
        self.assertEqual(projects, self.open_project | self.judged_project)
        with self.assertRaises(AccessError):
            self.foreign_project.with_user(user).read(["name"])
        students = self.Participant.with_user(user).search([])
        self.assertEqual(
            students, self.open_project.participant_ids | self.judged_project.participant_ids
        )
        with self.assertRaises(AccessError):
            self.foreign_student.with_user(user).read(["student_name"])
        # scores: own only
        criterion = self.judged_project.criteria[0]
        own = self._score(self.judged_own, {self.presenter: (5, 5)})
        other = self._score(self.judged_own, {self.jury_d: (4, 4)})
        self.assertEqual(self.Score.with_user(user).search([]), own)
        with self.assertRaises(AccessError):
            other.with_user(user).read(["score"])
        with self.assertRaises(AccessError):
            own.with_user(user).write({"score": 1})
        with self.assertRaises(AccessError):
            self.Score.with_user(user).create(
                {
                    "participant_id": self.judged_other.id,
                    "criterion_id": criterion.id,
                    "jury_id": self.presenter.id,
                    "score": 5,
                }
            )

    def test_teacher_reads_supervised_students_only(self):
        user = self.teacher_user  # Anna supervises the own student, judges nothing
        self.assertEqual(self.Participant.with_user(user).search([]), self.own_student)
        self.assertFalse(self.Project.with_user(user).search([("id", "in", self.open_project.ids)]))
        with self.assertRaises(AccessError):
            self.judged_own.with_user(user).read(["student_name"])

    def test_other_school_coordinator(self):
        user = self.coordinator_d
        self.assertEqual(
            self.Participant.with_user(user).search([]),
            self.other_student | self.judged_other | self.foreign_student,
        )
        with self.assertRaises(AccessError):
            self.own_student.with_user(user).read(["student_name"])

    def test_backend_screens_open_for_each_group(self):
        """The views load, and every field they show is readable, for the methodist and the
        education department (whose form leaves out the students and the scores)."""
        screens = {
            "network.student.project": ("list", "form", "kanban"),
            "network.student.project.report": ("list", "pivot"),
        }
        for user in (self.methodist, self.department):
            for model, view_types in screens.items():
                Model = self.env[model].with_user(user)
                views = Model.get_views([(False, view_type) for view_type in view_types])
                for view_type in view_types:
                    arch = views["views"][view_type]["arch"]
                    names = {
                        name
                        for name in re.findall(r'<field name="(\w+)"', arch)
                        if name in Model._fields
                    }
                    with self.subTest(user=user.login, model=model, view=view_type):
                        self.assertTrue(Model.search([], limit=5).read(sorted(names)))
        arch = self.judged_project.with_user(self.department).get_views([(False, "form")])
        arch = arch["views"]["form"]["arch"]
        self.assertNotIn("participant_ids", arch)
        self.assertNotIn("score_ids", arch)
        arch = self.judged_project.with_user(self.methodist).get_views([(False, "form")])
        self.assertIn("participant_ids", arch["views"]["form"]["arch"])
