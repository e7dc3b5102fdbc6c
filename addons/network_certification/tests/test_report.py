import subprocess
import tempfile

from odoo.tests import tagged

from odoo.addons.network_methodology.tests.common import pdf_text

from .common import CertificationTestCommon

CERTIFICATE_REPORT = "network_certification.action_report_network_certificate"
CARD_REPORT = "network_certification.action_report_activity_card"


def pdf_pages(data):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf:
        pdf.write(data)
        pdf.flush()
        info = subprocess.run(
            ["pdfinfo", pdf.name], capture_output=True, check=True, text=True
        ).stdout
    return {
        key.strip(): value.strip()
        for key, value in (line.split(":", 1) for line in info.splitlines() if ":" in line)
    }


@tagged("post_install", "-at_install")
class TestCertificateReports(CertificationTestCommon):
    """Real PDFs from wkhtmltopdf (tests otherwise get HTML from reports)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Report = cls.env["ir.actions.report"].with_context(force_report_rendering=True)
        cls.teacher = cls._create_teacher(cls.executor, "Irina Presenter-Test")
        cls._give_tokens(cls.teacher, (1990, "presenter"), (1990, "presenter"), (1989, "presenter"))
        cls._give_tokens(cls.listener, (1990, "listener"), (1989, "listener"), (1988, "presenter"))
        certificates = cls._issue(cls.teacher | cls.listener)
        cls.network_teacher_cert = certificates.filtered(lambda c: c.partner_id == cls.teacher)
        cls.teacher_cert = certificates - cls.network_teacher_cert

    def _attachments(self, certificate):
        return self.env["ir.attachment"].search(
            [("res_model", "=", "network.certificate"), ("res_id", "=", certificate.id)]
        )

    def test_certificate_pdf(self):
        self.assertEqual(self.network_teacher_cert.certificate_kind, "network_teacher")
        pdf, report_type = self.Report._render_qweb_pdf(
            CERTIFICATE_REPORT, self.network_teacher_cert.ids
        )
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        text = pdf_text(pdf)
        self.assertIn(self.network_teacher_cert.name, text)
        self.assertIn("Irina Presenter-Test", text)
        self.assertIn("Network teacher", text)
        self.assertIn(self.network_teacher_cert.verification_url, text.replace("\n", ""))
        self.assertNotIn("REVOKED", text)
        info = pdf_pages(pdf)
        self.assertEqual(info["Pages"], "1")
        width, height = (float(x) for x in info["Page size"].split()[0:3:2])
        self.assertGreater(width, height, "A4 landscape")

    def test_certificate_html_holds_the_qr_code_and_wording(self):
        html = self.Report._render_qweb_html(CERTIFICATE_REPORT, self.teacher_cert.ids)[0]
        html = html.decode()
        self.assertIn(self.teacher_cert.name, html)
        # the QR code is embedded (no HTTP fetch by wkhtmltopdf)
        self.assertIn("data:image/png;base64", html)
        self.assertIn("not a state document on qualification", html)
        self.assertIn("of participation in the municipal network", html)

    def test_issued_certificate_pdf_is_frozen(self):
        certificate = self.teacher_cert
        self.assertFalse(self._attachments(certificate))
        first, _type = self.Report._render_qweb_pdf(CERTIFICATE_REPORT, certificate.ids)
        attachment = self._attachments(certificate)
        self.assertEqual(len(attachment), 1)
        self.assertEqual(attachment.raw, first)
        self.assertEqual(attachment.name, f"{certificate.name}.pdf")
        # the holder's name changes: a reprint still returns the stored file
        self.listener.name = "Anna Renamed"
        again, _type = self.Report._render_qweb_pdf(CERTIFICATE_REPORT, certificate.ids)
        self.assertEqual(again, first)
        self.assertEqual(len(self._attachments(certificate)), 1)

    def test_revoked_certificate_prints_revoked(self):
        certificate = self.network_teacher_cert
        certificate.action_revoke("Test")
        pdf, _type = self.Report._render_qweb_pdf(CERTIFICATE_REPORT, certificate.ids)
        text = pdf_text(pdf)
        self.assertIn(certificate.name, text)
        self.assertIn("REVOKED", text)
        self.assertFalse(self._attachments(certificate))

    def test_platform_certificate_pdf(self):
        decision = self.env["network.council.decision"].create(
            {
                "school_year_id": self.year.id,
                "order_number": "77-od",
                "order_date": "1991-08-30",
                "line_ids": [
                    (0, 0, {"organization_id": self.executor.id, "reason": "Test dataset"})
                ],
            }
        )
        decision.action_approve()
        certificate = decision.certificate_ids
        html = self.Report._render_qweb_html(CERTIFICATE_REPORT, certificate.ids)[0].decode()
        self.assertIn("Network platform", html)
        self.assertIn("77-od", html)
        pdf, _type = self.Report._render_qweb_pdf(CERTIFICATE_REPORT, certificate.ids)
        text = pdf_text(pdf)
        self.assertIn(certificate.name, text)
        self.assertIn(self.executor.name, text)

    def test_activity_card_pdf(self):
        pdf, _type = self.Report._render_qweb_pdf(CARD_REPORT, self.teacher.ids)
        self.assertTrue(pdf.startswith(b"%PDF"))
        text = pdf_text(pdf)
        self.assertIn("Irina Presenter-Test", text)
        self.assertIn(self.executor.name, text)
        # each token: its event, its colour and the certificate it was exchanged for
        for token in self.network_teacher_cert.token_ids:
            self.assertIn(token.event_id.name, text)
        self.assertEqual(text.count(self.network_teacher_cert.name), 3)
        self.assertIn("red", text)

    def test_russian_certificate_wording(self):
        """In Russian the document is a «сертификат», never an «удостоверение»."""
        if not self.env["res.lang"]._lang_get("ru_RU"):
            self.env["res.lang"]._activate_lang("ru_RU")
            self.env["ir.module.module"].search(
                [("name", "=", "network_certification")]
            )._update_translations(["ru_RU"])
        self.company.partner_id.lang = "ru_RU"
        html = self.Report._render_qweb_html(CERTIFICATE_REPORT, self.network_teacher_cert.ids)[
            0
        ].decode()
        self.assertIn("СЕРТИФИКАТ", html)
        self.assertIn("«Сетевой педагог»", html)
        self.assertIn("не является документом о квалификации", html)
        self.assertNotIn("удостоверени", html.lower())
        self.assertNotIn("CERTIFICATE", html)
