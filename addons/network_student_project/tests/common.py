"""Shared set-up of the tests of projects for students: two organizing schools (the executor
and the third school of network_methodology's tests), the applicant kindergarten and a fourth
school registering students, a jury of three teachers, a methodist and the education
department. Nothing assumes an empty table (demo data may be loaded)."""

from datetime import date

from odoo import Command

from odoo.addons.network_methodology.tests.common import NetworkTestCommon


class StudentProjectTestCommon(NetworkTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Project = cls.env["network.student.project"]
        cls.Participant = cls.env["network.student.participant"]
        cls.Score = cls.env["network.student.score"]
        cls.school_d = cls._create_org("Test school D")
        cls.teacher_d = cls._create_teacher(cls.school_d, "Supervisor Dmitry")
        cls.jury_d = cls._create_teacher(cls.school_d, "Jury Daria")
        cls.organizer_teacher = cls._create_teacher(cls.third_org, "Organizer Olga")
        cls.jury = cls.presenter | cls.listener_2 | cls.jury_d
        cls.methodist = cls._create_user(
            "methodist_of_students", "network_methodology.group_network_user"
        )
        cls.department = cls._create_user(
            "department_of_students", "network_methodology.group_network_department"
        )

    @classmethod
    def _create_project(cls, state="draft", criteria=((10.0, 1.0), (5.0, 2.0)), **vals):
        """A contest of the executor and the third school in March 1991 with ``criteria``
        ((max score, weight) pairs), judged by ``cls.jury``, brought to ``state``."""
        project = cls.Project.create(
            {
                "name": f"Contest {cls._uid_str()}",
                "project_kind": "contest",
                "organizer_ids": [Command.set((cls.executor | cls.third_org).ids)],
                "organizer_teacher_ids": [Command.set(cls.organizer_teacher.ids)],
                "jury_ids": [Command.set(cls.jury.ids)],
                "date_start": date(1991, 3, 1),
                "date_end": date(1991, 3, 20),
                "grade_min": 5,
                "grade_max": 9,
                "criteria": [
                    Command.create(
                        {"name": f"Criterion {index}", "max_score": max_score, "weight": weight}
                    )
                    for index, (max_score, weight) in enumerate(criteria, start=1)
                ],
                **vals,
            }
        )
        if state in ("open", "judging", "done"):
            project.action_open()
        return project

    @classmethod
    def _register(cls, project, organization, name=None, grade=7, supervisor=None, **vals):
        return cls.Participant.create(
            {
                "project_id": project.id,
                "organization_id": organization.id,
                "student_name": name or f"Student {cls._uid_str()}",
                "grade": grade,
                "supervisor_id": supervisor.id if supervisor else False,
                **vals,
            }
        )

    @classmethod
    def _score(cls, participant, table):
        """Scores of ``participant``: ``table`` maps a jury member to the scores per criterion
        (in the order of the project's criteria)."""
        criteria = participant.project_id.criteria.sorted("sequence")
        return cls.Score.create(
            [
                {
                    "participant_id": participant.id,
                    "criterion_id": criterion.id,
                    "jury_id": jury.id,
                    "score": value,
                }
                for jury, values in table.items()
                for criterion, value in zip(criteria, values, strict=True)
            ]
        )

    @classmethod
    def _score_evenly(cls, participant, values):
        """Every jury member gives ``values`` (one per criterion)."""
        return cls._score(participant, {jury: values for jury in participant.project_id.jury_ids})
