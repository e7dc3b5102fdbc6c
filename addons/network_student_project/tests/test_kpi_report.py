from odoo.tests import tagged

from .common import StudentProjectTestCommon


@tagged("post_install", "-at_install")
class TestKpiStudentProjects(StudentProjectTestCommon):
    """Participants and winners per school and project, and in the KPIs of a school year."""

    def _row(self, year):
        self.env.flush_all()
        self.env.invalidate_all()  # the reports are views: read them again
        return self.env["network.kpi.report"].search(
            [("school_year_id", "=", year.id), ("project_id", "=", False)]
        )

    def _finished(self, totals_by_school, **vals):
        project = self._create_project(state="open", criteria=((100.0, 1.0),), **vals)
        students = []
        for school, total in totals_by_school:
            students.append((self._register(project, school), total))
        project.action_judge()
        for student, total in students:
            self._score_evenly(student, (total,))
        project.action_done()
        return project

    def test_counts(self):
        row = self._row(self.year)
        self.assertEqual(
            (row.student_projects_done, row.student_participants, row.student_winners), (0, 0, 0)
        )
        finished = self._finished(
            [(self.applicant, 90), (self.applicant, 70), (self.school_d, 90), (self.school_d, 10)],
            winner_places=2,
        )
        # an unfinished project does not count
        running = self._create_project(state="open")
        self._register(running, self.applicant)
        row = self._row(self.year)
        self.assertEqual(row.student_projects_done, 1)
        self.assertEqual(row.student_participants, 4)
        self.assertEqual(row.student_winners, 2)  # the two first places (tied)
        report = self.env["network.student.project.report"].search(
            [("project_id", "=", finished.id)]
        )
        by_school = {r.organization_id: (r.participants, r.winners, r.first_places) for r in report}
        self.assertEqual(by_school, {self.applicant: (2, 1, 1), self.school_d: (2, 1, 1)})
        lines = {
            line.get("code"): line
            for line in self.env["report.network_methodology.report_network_kpi_year"]._kpi_lines(
                row
            )
        }
        self.assertEqual(lines["student_participants"]["number"], 4)
        self.assertEqual(lines["student_winners"]["number"], 2)
        self.assertIsNone(lines["student_winners"]["met"])
        tables = self.env["report.network_methodology.report_network_kpi_year"]._report_tables(
            self.year, self.env["network.project"]
        )
        self.assertEqual(
            sorted(
                (r["school"], r["participants"], r["winners"])
                for r in tables["student_projects"]
                if r["project"] == finished.name
            ),
            sorted([(self.applicant.name, 2, 1), (self.school_d.name, 2, 1)]),
        )

    def test_empty_year(self):
        empty = self._create_year(1970)
        row = self._row(empty)
        self.assertEqual(row.student_participants, 0)
        self.assertEqual(row.student_winners, 0)
        self.assertEqual(row.student_projects_done, 0)

    def test_analytical_report(self):
        finished = self._finished([(self.applicant, 80), (self.school_d, 60)], winner_places=1)
        self.env.flush_all()  # the reports are views
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        html = Report._render_qweb_html(
            "network_methodology.action_report_network_kpi_year", self.year.ids
        )[0].decode()
        self.assertIn("student_project_schools", html)
        self.assertIn(finished.name, html)
        self.assertIn(self.school_d.name, html)
        report = self.env["report.network_methodology.report_network_kpi_year"]
        doc = report._report_tables(self.year, self.env["network.project"])
        rows = {
            (row[0], row[1]): row[2:]
            for _title, _header, sheet_rows in report._report_sheets(doc)[-1:]
            for row in sheet_rows
        }
        self.assertEqual(rows[(finished.name, self.applicant.name)], [1, 1])
        self.assertEqual(rows[(finished.name, self.school_d.name)], [1, 0])
        # a sub-project's report leaves them out: they belong to no sub-project
        doc = report._report_tables(self.year, self.subproject)
        self.assertIsNone(doc["student_projects"])
