"""Certificates issued and network platforms in the KPIs and in the analytical report.

1990/1991: teacher A presents three times (the first event in the sub-project) and becomes a
network teacher; B's certificate exchanges three 1989/1990 listener tokens; C's certificate
(1990 tokens, the first in the sub-project) is revoked; E has one 1990 token in the
sub-project. The executor gets the «Network platform» status of 1990/1991.
1989/1990: D's certificate (1988 tokens); B and F hold 1989 tokens.
"""

from odoo.tests import tagged

from .common import CertificationTestCommon
from .test_report import pdf_text


@tagged("post_install", "-at_install")
class TestKpiCertification(CertificationTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._past_event(1990, 0).project_id = cls.subproject
        cls.teacher_a = cls._create_teacher(cls.executor, "Teacher A")
        cls.teacher_b = cls._create_teacher(cls.applicant, "Teacher B")
        cls.teacher_c = cls._create_teacher(cls.applicant, "Teacher C")
        cls.teacher_d = cls._create_teacher(cls.third_org, "Teacher D")
        cls.teacher_e = cls._create_teacher(cls.third_org, "Teacher E")
        cls.teacher_f = cls._create_teacher(cls.third_org, "Teacher F")
        cls._give_tokens(cls.teacher_a, *[(1990, "presenter")] * 3)
        cls._give_tokens(cls.teacher_b, *[(1989, "listener")] * 3)
        cls._give_tokens(cls.teacher_c, *[(1990, "listener")] * 3)
        cls._give_tokens(cls.teacher_d, *[(1988, "listener")] * 3)
        cls._give_tokens(cls.teacher_e, (1990, "listener"))
        cls._give_tokens(cls.teacher_f, (1989, "listener"))
        cls.cert_d = cls._issue(cls.teacher_d, cls.year_1989)
        certificates = cls._issue(cls.teacher_a | cls.teacher_b | cls.teacher_c)
        cls.cert_a, cls.cert_b, cls.cert_c = (
            certificates.filtered(lambda c, t=teacher: c.partner_id == t)
            for teacher in (cls.teacher_a, cls.teacher_b, cls.teacher_c)
        )
        cls.cert_c.action_revoke("Test")
        decision = cls.env["network.council.decision"].create(
            {
                "school_year_id": cls.year.id,
                "order_number": "12-od",
                "order_date": "1991-08-28",
                "line_ids": [(0, 0, {"organization_id": cls.executor.id, "reason": "Test"})],
            }
        )
        decision.action_approve()
        cls.Report = cls.env["network.kpi.report"]

    def _row(self, year, project=None):
        return self.Report.search(
            [
                ("school_year_id", "=", year.id),
                ("project_id", "=", project.id if project else False),
            ]
        )

    def _assert_row(self, row, **expected):
        self.assertEqual({field: row[field] for field in expected}, expected)

    def test_whole_network(self):
        self.assertEqual(self.cert_a.certificate_kind, "network_teacher")
        self._assert_row(
            self._row(self.year),
            teachers_active=3,  # A, C (tokens valid again), E
            certificates_issued=2,  # A, B; C revoked
            certification_ratio=66.67,
            prev_teachers_active=2,  # B, F
            prev_certificates_issued=1,  # D
            prev_certification_ratio=50.0,
            certification_met=True,
            platforms_count=1,
            prev_platforms_count=0,
            platforms_met=True,
        )
        self._assert_row(
            self._row(self.year_1989),
            teachers_active=2,
            certificates_issued=1,
            certification_ratio=50.0,
            platforms_count=0,
            platforms_met=False,
        )

    def test_no_teachers_divides_by_zero_as_zero(self):
        # 1987/1988 has no tokens at all (D's are 1988/1989), hence no ratio
        self._assert_row(
            self._row(self.year_1987),
            teachers_active=0,
            certificates_issued=0,
            certification_ratio=0.0,
            certification_met=False,
        )

    def test_subproject(self):
        """A sub-project counts the certificates exchanging a token of its events, and the
        platforms among the executors of its offers."""
        for project in (self.subproject, self.project):
            with self.subTest(project=project.name):
                self._assert_row(
                    self._row(self.year, project),
                    teachers_active=3,  # A, C, E at the first 1990 event
                    certificates_issued=1,  # A
                    certification_ratio=33.33,
                    platforms_count=1,  # the executor of self.offer
                )
        other = self.env["network.project"].create({"name": "Other project"})
        self._assert_row(self._row(self.year, other), certificates_issued=0, platforms_count=0)

    def test_revoking_a_platform_certificate(self):
        self.executor.network_certificate_ids.filtered(
            lambda c: c.certificate_kind == "platform"
        ).action_revoke("Test")
        self._assert_row(self._row(self.year), platforms_count=0, platforms_met=False)

    def test_drill_down(self):
        row = self._row(self.year, self.subproject)
        certificates = self.Certificate.search(row.action_open_certificates()["domain"])
        self.assertEqual(certificates, self.cert_a)
        whole = self._row(self.year)
        self.assertEqual(
            self.Certificate.search(whole.action_open_certificates()["domain"]),
            self.cert_a | self.cert_b,
        )
        platforms = self.env["res.partner"].search(row.action_open_platforms()["domain"])
        self.assertEqual(platforms, self.executor)

    def test_report_lists_certified_teachers_and_platforms(self):
        values = self.env["report.network_methodology.report_network_kpi_year"]._get_report_values(
            self.year.ids
        )
        doc = values["docs"][0]
        self.assertEqual(
            sorted((row["teacher"], row["kind"]) for row in doc["certified_teachers"]),
            [("Teacher A", "Network teacher"), ("Teacher B", self._kind_label("teacher"))],
        )
        self.assertEqual(doc["platforms"], [self.executor.name])
        project_doc = self.env[
            "report.network_methodology.report_network_kpi_project"
        ]._get_report_values(self.subproject.ids, {"school_year_id": self.year.id})["docs"][0]
        self.assertEqual(
            [row["number"] for row in project_doc["certified_teachers"]], [self.cert_a.name]
        )

    def _kind_label(self, kind):
        return dict(self.Certificate._fields["certificate_kind"].selection)[kind]

    def test_pdf(self):
        """The real PDF (wkhtmltopdf) of the school year holds the KPI figures, the tables,
        the certified teachers and the platforms."""
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        pdf, report_type = Report._render_qweb_pdf(
            "network_methodology.action_report_network_kpi_year", self.year.ids
        )
        self.assertEqual(report_type, "pdf")
        text = " ".join(pdf_text(pdf).split())
        self.assertIn("Final analytical report", text)
        self.assertIn(self.year.name, text)
        # the decimal separator of the report's language («66,67» in Russian)
        self.assertRegex(
            text, r"Certificates per 100 teachers taking part 66[.,]67 growth 50[.,]00 yes"
        )
        self.assertIn("Organizations with the «Network platform» status 1 growth 0 yes", text)
        self.assertIn("Teachers taking part (with tokens) 3 growth 2 yes", text)
        self.assertIn(self.cert_a.name, text)
        self.assertIn("Teacher B", text)
        self.assertNotIn(self.cert_c.name, text)
        self.assertIn(self.executor.name, text)
        pdf, _type = Report._render_qweb_pdf(
            "network_methodology.action_report_network_kpi_project",
            self.subproject.ids,
            data={"school_year_id": self.year.id},
        )
        text = " ".join(pdf_text(pdf).split())
        self.assertIn(self.subproject.display_name, text)
        self.assertRegex(text, r"Certificates per 100 teachers taking part 33[.,]33")
        self.assertIn(self.cert_a.name, text)
        self.assertNotIn("Teacher B", text)
