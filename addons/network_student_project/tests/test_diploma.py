from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.network_methodology.tests.common import pdf_text

from .common import StudentProjectTestCommon

DIPLOMA_REPORT = "network_student_project.action_report_student_diploma"


@tagged("post_install", "-at_install")
class TestDiploma(StudentProjectTestCommon):
    """Real PDFs from wkhtmltopdf (tests otherwise get HTML from reports): one page per
    participant, the whole project in one rendering."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = cls._create_project(state="open", name="Young Researchers Contest")
        cls.winner = cls._register(
            cls.project,
            cls.applicant,
            "Winner Wanda",
            grade=8,
            supervisor=cls.listener,
            team="Team Owls",
        )
        cls.teammate = cls._register(
            cls.project,
            cls.school_d,
            "Teammate Tom",
            grade=7,
            supervisor=cls.teacher_d,
            team="Team Owls",
        )
        cls.third = cls._register(cls.project, cls.school_d, "Third Theo", grade=6)
        cls.project.action_judge()
        cls._score_evenly(cls.winner, (10, 5))
        cls._score_evenly(cls.teammate, (8, 4))
        cls._score_evenly(cls.third, (2, 1))
        cls.project.action_done()

    def test_diplomas_of_the_project_in_one_pdf(self):
        action = self.project.action_print_diplomas()
        self.assertEqual(action["report_name"], "network_student_project.report_student_diploma")
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        pdf, kind = Report._render_qweb_pdf(DIPLOMA_REPORT, self.project.participant_ids.ids)
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        text = pdf_text(pdf)
        pages = text.split("\f")
        pages = [page for page in pages if page.strip()]
        self.assertEqual(len(pages), 3)
        # ordered by place; each page names the student, the school, the project
        for page, student in zip(pages, (self.winner, self.teammate, self.third), strict=True):
            with self.subTest(student=student.student_name):
                self.assertIn(student.student_name, page)
                self.assertIn(student.organization_id.name, page)
                self.assertIn("Young Researchers Contest", page)
                self.assertIn(self.executor.name, page)  # the organizers
        # the team's supervisors on both team members' diplomas, none on Theo's
        for page in pages[:2]:
            self.assertIn(self.listener.name, page)
            self.assertIn(self.teacher_d.name, page)
        self.assertNotIn(self.listener.name, pages[2])

    def test_diplomas_only_once_finished(self):
        project = self._create_project(state="open")
        with self.assertRaises(UserError):
            project.action_print_diplomas()
