from odoo import Command
from odoo.exceptions import UserError, ValidationError

from .common import StudentProjectTestCommon


class TestStudentProject(StudentProjectTestCommon):
    """The workflow of a project for students, the rules of registration and scoring."""

    def test_workflow(self):
        project = self._create_project()
        self.assertEqual(project.state, "draft")
        self.assertEqual(project.school_year_id, self.year)
        project.action_open()
        self.assertEqual(project.state, "open")
        first = self._register(project, self.applicant, supervisor=self.listener)
        second = self._register(project, self.school_d, supervisor=self.teacher_d)
        self.assertEqual(project.participant_count, 2)
        self.assertEqual(project.school_count, 2)
        project.action_judge()
        self.assertEqual(project.state, "judging")
        self._score_evenly(first, (8, 4))
        self._score_evenly(second, (6, 4))
        project.action_done()
        self.assertEqual(project.state, "done")
        self.assertTrue(project.date_done)
        self.assertEqual((first.place, second.place), (1, 2))
        # weighted: 8 × 1 + 4 × 2 and 6 × 1 + 4 × 2
        self.assertEqual((first.score, second.score), (16.0, 14.0))
        self.assertEqual((first.is_winner, second.is_winner), (True, True))

    def test_forbidden_transitions_change_nothing(self):
        draft = self._create_project()
        for method in ("action_judge", "action_done", "action_draft"):
            with self.subTest(state="draft", method=method), self.assertRaises(UserError):
                getattr(draft, method)()
            self.assertEqual(draft.state, "draft")
        opened = self._create_project(state="open")
        for method in ("action_open", "action_done"):
            with self.subTest(state="open", method=method), self.assertRaises(UserError):
                getattr(opened, method)()
            self.assertEqual(opened.state, "open")
        # nobody registered: no judging
        with self.assertRaises(UserError):
            opened.action_judge()
        self.assertEqual(opened.state, "open")
        judging = self._create_project(state="open")
        participant = self._register(judging, self.applicant)
        judging.action_judge()
        for method in ("action_open", "action_judge", "action_draft"):
            with self.subTest(state="judging", method=method), self.assertRaises(UserError):
                getattr(judging, method)()
            self.assertEqual(judging.state, "judging")
        # scores missing: not finished, no place
        self._score(participant, {self.presenter: (5, 5)})
        with self.assertRaises(UserError):
            judging.action_done()
        self.assertEqual(judging.state, "judging")
        self.assertEqual(participant.place, 0)
        self._score(participant, {self.listener_2: (5, 5), self.jury_d: (5, 5)})
        judging.action_done()
        for method in (
            "action_open",
            "action_judge",
            "action_done",
            "action_cancel",
            "action_draft",
        ):
            with self.subTest(state="done", method=method), self.assertRaises(UserError):
                getattr(judging, method)()
            self.assertEqual(judging.state, "done")
        self.assertEqual(participant.place, 1)

    def test_open_needs_organizers_criteria_and_jury(self):
        for vals in (
            {"organizer_ids": [Command.clear()], "organizer_teacher_ids": [Command.clear()]},
            {"criteria": ()},
            {"jury_ids": [Command.clear()]},
        ):
            with self.subTest(vals=list(vals)):
                project = self._create_project(**vals)
                with self.assertRaises(UserError):
                    project.action_open()
                self.assertEqual(project.state, "draft")

    def test_cancel_and_back_to_draft(self):
        project = self._create_project(state="open")
        student = self._register(project, self.applicant)
        project.action_cancel()
        self.assertEqual(project.state, "cancelled")
        with self.assertRaises(UserError):
            project.action_cancel()
        with self.assertRaises(UserError):
            self._register(project, self.applicant)
        project.action_draft()
        self.assertEqual(project.state, "draft")
        self.assertTrue(student.exists())
        project.action_open()
        with self.assertRaises(UserError):
            project.unlink()
        project.action_cancel()
        project.participant_ids.unlink()
        project.unlink()
        self.assertFalse(project.exists())

    def test_registration_limits(self):
        project = self._create_project(state="open", max_per_school=2)
        self._register(project, self.applicant, grade=5)
        self._register(project, self.applicant, grade=9)
        with self.assertRaises(ValidationError):
            self._register(project, self.applicant)  # a third place for the same school
        self._register(project, self.school_d)  # another school has its own places
        for grade in (4, 10, 0):
            with self.subTest(grade=grade), self.assertRaises(ValidationError):
                self._register(project, self.school_d, grade=grade)
        self.assertEqual(project.participant_count, 3)
        self.assertEqual(project._school_places_left(self.applicant), 0)
        self.assertEqual(project._school_places_left(self.school_d), 1)

    def test_registration_only_while_open(self):
        for state in ("draft", "judging"):
            project = self._create_project(state="open")
            self._register(project, self.applicant)
            if state == "draft":
                project.action_draft()
            else:
                project.action_judge()
            with self.subTest(state=state), self.assertRaises(UserError):
                self._register(project, self.school_d)
            self.assertEqual(project.participant_count, 1)

    def test_supervisor_and_school(self):
        project = self._create_project(state="open")
        with self.assertRaises(ValidationError):
            self._register(project, self.applicant, supervisor=self.teacher_d)  # other school
        contact = self.env["res.partner"].create(
            {"name": "Not a teacher", "parent_id": self.applicant.id}
        )
        with self.assertRaises(ValidationError):
            self._register(project, self.applicant, supervisor=contact)
        outsider = self.env["res.partner"].create({"name": "Outside school", "is_company": True})
        with self.assertRaises(ValidationError):
            self._register(project, outsider)
        student = self._register(project, self.applicant, supervisor=self.listener)
        with self.assertRaises(ValidationError):
            student.supervisor_id = self.teacher_d
        self.assertEqual(student.supervisor_id, self.listener)

    def test_withdraw_before_judging_only(self):
        project = self._create_project(state="open")
        leaving = self._register(project, self.applicant)
        staying = self._register(project, self.applicant)
        leaving.action_withdraw()
        self.assertFalse(leaving.exists())
        project.action_judge()
        with self.assertRaises(UserError):
            staying.action_withdraw()
        with self.assertRaises(UserError):
            staying.unlink()
        self.assertTrue(staying.exists())
        with self.assertRaises(UserError):
            staying.grade = 6
        self.assertEqual(staying.grade, 7)

    def test_scores_are_validated(self):
        project = self._create_project(state="open")
        other = self._create_project(state="open")
        student = self._register(project, self.applicant)
        with self.assertRaises(UserError):
            self._score(student, {self.presenter: (5, 5)})  # not judging yet
        project.action_judge()
        criterion = project.criteria.sorted("sequence")[0]
        for jury, criterion_, value in (
            (self.presenter, criterion, 10.5),  # above the maximum
            (self.listener, criterion, 5),  # not in the jury
            (self.presenter, other.criteria[0], 5),  # another project's criterion
        ):
            with self.subTest(jury=jury.name, value=value), self.assertRaises(ValidationError):
                self.Score.create(
                    {
                        "participant_id": student.id,
                        "criterion_id": criterion_.id,
                        "jury_id": jury.id,
                        "score": value,
                    }
                )
        self.assertFalse(student.score_ids)
        with self.assertRaisesDatabase():  # negative: the database's check
            self.Score.create(
                {
                    "participant_id": student.id,
                    "criterion_id": criterion.id,
                    "jury_id": self.presenter.id,
                    "score": -1,
                }
            )
        with self.assertRaisesDatabase():  # twice the same jury member and criterion
            self.Score.create(
                [
                    {
                        "participant_id": student.id,
                        "criterion_id": criterion.id,
                        "jury_id": self.presenter.id,
                        "score": 1,
                    },
                    {
                        "participant_id": student.id,
                        "criterion_id": criterion.id,
                        "jury_id": self.presenter.id,
                        "score": 2,
                    },
                ]
            )

    def test_set_jury_scores(self):
        project = self._create_project(state="open")
        student = self._register(project, self.applicant)
        criteria = project.criteria.sorted("sequence")
        with self.assertRaises(UserError):
            project._set_jury_scores(self.presenter, {(student.id, criteria[0].id): 5})
        project.action_judge()
        with self.assertRaises(UserError):
            project._set_jury_scores(self.listener, {(student.id, criteria[0].id): 5})
        project._set_jury_scores(self.presenter, {(student.id, criteria[0].id): 5})
        project._set_jury_scores(
            self.presenter, {(student.id, criteria[0].id): 7, (student.id, criteria[1].id): 3}
        )
        scores = student.score_ids
        self.assertEqual(len(scores), 2)
        self.assertEqual(sorted(scores.mapped("score")), [3.0, 7.0])
        self.assertEqual(student.score, 7 + 2 * 3)

    def test_frozen_once_judging(self):
        project = self._create_project(state="open")
        self._register(project, self.applicant)
        project.action_judge()
        with self.assertRaises(UserError):
            project.grade_max = 11
        with self.assertRaises(UserError):
            project.criteria[0].max_score = 100
        with self.assertRaises(UserError):
            project.criteria[0].unlink()
        with self.assertRaises(UserError):
            self.env["network.student.criterion"].create(
                {"project_id": project.id, "name": "Late criterion"}
            )
        self.assertEqual(len(project.criteria), 2)
        self.assertEqual(project.grade_max, 9)

    def test_event_gives_tokens_to_organizers_and_jury(self):
        project = self._create_project(state="open")
        project.action_create_event()
        event = project.event_ids
        self.assertEqual(len(event), 1)
        self.assertTrue(event.is_network_event)
        self.assertEqual(event.event_form, "contest")
        self.assertEqual(event.host_organization_id, self.executor)
        self.assertEqual(event.cohost_organization_ids, self.third_org)
        self.assertEqual(event.presenter_ids, self.jury | self.organizer_teacher)
        self.assertEqual(event.school_year_id, self.year)
        # a new jury member presents too
        newcomer = self._create_teacher(self.school_d, "Jury Newcomer")
        project.jury_ids = [Command.link(newcomer.id)]
        self.assertIn(newcomer, event.presenter_ids)
        tokens = event._issue_tokens()
        self.assertEqual(tokens.partner_id, self.jury | self.organizer_teacher | newcomer)
        self.assertEqual(set(tokens.mapped("role")), {"presenter"})
        with self.assertRaises(ValidationError):
            event.is_network_event = False
        draft = self._create_project()
        with self.assertRaises(UserError):
            draft.action_create_event()
        self.assertFalse(draft.event_ids)

    def test_organizers_and_teachers_rules(self):
        outsider = self.env["res.partner"].create({"name": "Outside school", "is_company": True})
        with self.assertRaises(ValidationError):
            self._create_project(organizer_ids=[Command.set(outsider.ids)])
        with self.assertRaises(ValidationError):
            self._create_project(jury_ids=[Command.set(self.applicant.ids)])
        with self.assertRaises(ValidationError):
            # a teacher of a school that does not organize
            self._create_project(organizer_teacher_ids=[Command.set(self.teacher_d.ids)])

    def test_portal_prepare_values(self):
        project = self._create_project(state="open", max_per_school=1)
        values, errors = self.Participant._portal_prepare_values(
            {
                "student_name": "  Masha <b>P</b> ",
                "grade": "6",
                "team": "",
                "supervisor_id": str(self.listener.id),
            },
            self.applicant,
            project,
        )
        self.assertFalse(errors)
        self.assertEqual(values["student_name"], "Masha <b>P</b>")
        self.assertEqual(values["supervisor_id"], self.listener.id)
        _values, errors = self.Participant._portal_prepare_values(
            {
                "student_name": "",
                "grade": "12",
                "team": "x" * 300,
                "supervisor_id": str(self.teacher_d.id),
            },
            self.applicant,
            project,
        )
        self.assertEqual(set(errors), {"student_name", "grade", "team", "supervisor_id"})
        project._register_student(self.applicant, values)
        _values, errors = self.Participant._portal_prepare_values(
            {"student_name": "Another", "grade": "6"}, self.applicant, project
        )
        self.assertIn("student_name", errors)  # no place left
