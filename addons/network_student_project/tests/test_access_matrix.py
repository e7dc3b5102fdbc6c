import itertools

from odoo import Command
from odoo.tests import tagged

from odoo.addons.network_methodology.tests.access_matrix import (
    ALL,
    NONE,
    READ,
    AccessMatrixMixin,
)

from .common import StudentProjectTestCommon

PROJECT_DATA = {
    "department": READ,
    "methodist": ALL,
    "manager": ALL,
    "internal": NONE,
    "portal": NONE,
}
# Students are minors: the education department does not read them (counts only).
STUDENT_DATA = {
    "department": NONE,
    "methodist": ALL,
    "manager": ALL,
    "internal": NONE,
    "portal": NONE,
}
# The portal user of this matrix belongs to no member organization: they read nothing (a
# stranger who signed up). Coordinators, jury members and supervisors are tested in
# test_access and test_portal.
EXPECTED = {
    "network.student.project": PROJECT_DATA,
    "network.student.project.stage": PROJECT_DATA,
    "network.student.criterion": PROJECT_DATA,
    "network.student.participant": STUDENT_DATA,
    "network.student.score": STUDENT_DATA,
}


@tagged("post_install", "-at_install")
class TestStudentProjectAccessRights(AccessMatrixMixin, StudentProjectTestCommon):
    EXPECTED = EXPECTED
    WRITES = {
        "network.student.project": ("name", "Renamed contest"),
        "network.student.project.stage": ("name", "Renamed stage"),
        "network.student.criterion": ("name", "Renamed criterion"),
        "network.student.participant": ("team", "Renamed team"),
        "network.student.score": ("score", 1.0),
    }

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._create_access_users("students")
        cls.draft = cls._create_project()
        cls.opened = cls._create_project(state="open")
        cls.judged = cls._create_project(
            state="open",
            criteria=[(10.0, 1.0)] * 12,
        )
        student = cls._register(cls.judged, cls.applicant)
        cls.judged.action_judge()
        cls.free_scores = itertools.product(student, cls.judged.criteria, cls.jury)

    def _values(self, model):
        tag = self._uid_str()
        if model == "network.student.project":
            return {
                "name": f"Contest {tag}",
                "date_start": "1991-03-01",
                "date_end": "1991-03-02",
                "organizer_ids": [Command.set(self.executor.ids)],
            }
        if model == "network.student.project.stage":
            return {"project_id": self.draft.id, "name": f"Stage {tag}"}
        if model == "network.student.criterion":
            return {"project_id": self.draft.id, "name": f"Criterion {tag}", "max_score": 5}
        if model == "network.student.participant":
            return {
                "project_id": self.opened.id,
                "organization_id": self.applicant.id,
                "student_name": f"Student {tag}",
                "grade": 6,
            }
        if model == "network.student.score":
            participant, criterion, jury = next(self.free_scores)
            return {
                "participant_id": participant.id,
                "criterion_id": criterion.id,
                "jury_id": jury.id,
                "score": 2.0,
            }
        raise NotImplementedError(model)

    def test_report_read_only(self):
        model = "network.student.project.report"
        for key, user in self.users.items():
            allowed = key in ("department", "methodist", "manager")
            with self.subTest(user=key):
                self.assertEqual(self.env[model].with_user(user).has_access("read"), allowed)
                self.assertFalse(self.env[model].with_user(user).has_access("write"))
