"""Certificates in the portal: a teacher reads and downloads their own certificates and
activity card, a coordinator reads their organization's «Network platform» certificates; nobody
reaches a draft or anybody else's certificate, by link or by forged id."""

from contextlib import contextmanager
from datetime import date

from odoo import http
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.network_methodology.tests.portal_common import NetworkPortalCommon

from .common import CertificationTestCommon
from .test_report import pdf_text

LISTENER = [(1989, "listener")] * 3


class CertificationPortalCommon(CertificationTestCommon, NetworkPortalCommon):
    """The teacher (listener of the applicant school) holds an issued certificate of 1990/1991
    and a revoked one of 1989/1990; a colleague of the same school holds one too. The executor
    school is a «Network platform» of 1990/1991, the applicant one of 1989/1990."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.colleague = cls._create_teacher(cls.applicant, "Colleague Vera")
        cls._give_tokens(cls.listener, *LISTENER)
        cls._give_tokens(cls.colleague, *LISTENER)
        cls.revoked = cls._issue(cls.listener, year=cls.year_1989)
        cls.revoked.action_revoke("Tokens of a cancelled event")
        # the released tokens count again in the window of the next year
        cls.own = cls._issue(cls.listener)
        cls.colleague_cert = cls._issue(cls.colleague)
        cls.own_draft = cls._draft_certificate(cls.listener, year=cls.year_1988)
        cls.platform_exec = cls._draft_certificate(cls.executor, kind="platform")
        cls.platform_appl = cls._draft_certificate(
            cls.applicant, kind="platform", year=cls.year_1989
        )
        (cls.platform_exec | cls.platform_appl).action_issue()
        cls.platform_draft = cls._draft_certificate(
            cls.applicant, kind="platform", year=cls.year_1988
        )
        cls.all_certificates = (
            cls.revoked
            | cls.own
            | cls.colleague_cert
            | cls.own_draft
            | cls.platform_exec
            | cls.platform_appl
            | cls.platform_draft
        )

    def _url(self, certificate, suffix=""):
        return f"/my/network/certificates/{certificate.id}{suffix}"

    @contextmanager
    def _real_pdfs(self):
        """Reports render real PDFs for the logged-in session: Odoo renders HTML in tests unless
        the context asks for PDFs, and a request's context is its session's. The test server
        answers one request at a time, so wkhtmltopdf cannot fetch the style sheets from it
        while it serves the download: it is pointed at a closed port and renders without them."""
        self.env["ir.config_parameter"].set_param("report.url", "http://127.0.0.1:9")
        self.session.context["force_report_rendering"] = True
        http.root.session_store.save(self.session)
        try:
            yield
        finally:
            self.session.context.pop("force_report_rendering")
            http.root.session_store.save(self.session)

    def _download(self, url):
        with self._real_pdfs():
            response = self.url_open(url)
        self._assert_pdf(response)
        return pdf_text(response.content)

    def _assert_pdf(self, response):
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        self.assertIn("attachment", response.headers["Content-Disposition"])
        self.assertTrue(response.content.startswith(b"%PDF"))

    def _assert_hidden(self, certificate, status=404):
        """Neither the page nor the PDF of ``certificate`` exists for the logged-in user (404),
        or the user is not in the network at all (403)."""
        for suffix in ("", "/pdf"):
            with self.subTest(certificate=certificate.display_name, suffix=suffix):
                response = self.url_open(self._url(certificate, suffix))
                self.assertEqual(response.status_code, status)


@tagged("post_install", "-at_install")
class TestPortalCertificateRules(CertificationPortalCommon):
    """The record rule itself, through the ORM as each portal user."""

    def _visible(self, user):
        return self.Certificate.with_user(user).search([("id", "in", self.all_certificates.ids)])

    def test_teacher_reads_own_issued_and_revoked(self):
        self.assertEqual(self.own.state, "issued")
        self.assertEqual(self.revoked.state, "revoked")
        self.assertEqual(self._visible(self.teacher_user), self.own | self.revoked)
        own = self.own.with_user(self.teacher_user)
        self.assertEqual(own.read(["name"])[0]["name"], self.own.name)
        for other in (self.colleague_cert, self.own_draft, self.platform_appl):
            with self.subTest(certificate=other.display_name), self.assertRaises(AccessError):
                other.with_user(self.teacher_user).read(["name"])

    def test_coordinator_reads_own_organization_platform_certificates(self):
        self.assertEqual(self._visible(self.coordinator_appl), self.platform_appl)
        self.assertEqual(self._visible(self.coordinator_exec), self.platform_exec)
        # not the teachers' certificates of their organization, not a draft
        for other in (self.own, self.colleague_cert, self.platform_draft, self.platform_exec):
            with self.subTest(certificate=other.display_name), self.assertRaises(AccessError):
                other.with_user(self.coordinator_appl).read(["name"])

    def test_portal_reads_only(self):
        own = self.own.with_user(self.teacher_user)
        with self.assertRaises(AccessError):
            own.write({"school_year_id": self.year_1989.id})
        with self.assertRaises(AccessError):
            own.unlink()
        with self.assertRaises(AccessError):
            self.Certificate.with_user(self.teacher_user).create(
                {"partner_id": self.listener.id, "school_year_id": self.year.id}
            )
        # the verification code stays the centre's
        with self.assertRaises(AccessError):
            own.read(["verification_code"])

    def test_portal_user_of_no_organization_reads_nothing(self):
        outsider = self._create_portal_user(
            "cert_outsider", self.env["res.partner"].create({"name": "Outsider"})
        )
        self.assertFalse(self._visible(outsider))


@tagged("post_install", "-at_install")
class TestPortalCertificates(CertificationPortalCommon):
    def test_home_counters_per_role(self):
        counters = ["network_certificate_count", "network_token_count"]
        for user, count in (
            (self.teacher_user, 2),
            (self.coordinator_appl, 1),
            (self.coordinator_exec, 1),
        ):
            with self.subTest(user=user.login):
                self._login(user)
                values = self.make_jsonrpc_request("/my/counters", {"counters": counters})
                self.assertEqual(values["network_certificate_count"], count)
        self.assertIn("/my/network/certificates", self.url_open("/my/home").text)

    def test_teacher_lists_and_downloads_own_certificate(self):
        self._login(self.teacher_user)
        listing = self.url_open("/my/network/certificates")
        self.assertEqual(listing.status_code, 200)
        self.assertIn(self.own.name, listing.text)
        self.assertIn(self.revoked.name, listing.text)
        self.assertIn("o_network_certificate_revoked", listing.text)
        for other in (self.colleague_cert, self.platform_appl, self.platform_exec):
            self.assertNotIn(other.name, listing.text)
        # sorting, filtering and searching as in the other portal lists
        revoked_only = self.url_open("/my/network/certificates?filterby=revoked&sortby=year")
        self.assertIn(self.revoked.name, revoked_only.text)
        self.assertNotIn(self.own.name, revoked_only.text)
        found = self.url_open(f"/my/network/certificates?search={self.own.name}")
        self.assertIn(self.own.name, found.text)
        self.assertNotIn(self.revoked.name, found.text)

        page = self.url_open(self._url(self.own))
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.year.name, page.text)
        self.assertIn(self.own.sudo().verification_url, page.text)
        self.assertIn(self._url(self.own, "/pdf"), page.text)
        self.assertIn("data:image/png;base64", page.text)  # the QR code
        text = self._download(self._url(self.own, "/pdf"))
        self.assertIn(self.own.name, text)
        self.assertIn(self.listener.name, text)
        self.assertNotIn("REVOKED", text)

    @mute_logger("odoo.http")
    def test_revoked_certificate_is_shown_revoked_and_not_downloaded(self):
        self._login(self.teacher_user)
        page = self.url_open(self._url(self.revoked))
        self.assertEqual(page.status_code, 200)
        self.assertIn("o_network_certificate_revoked", page.text)
        self.assertNotIn(self._url(self.revoked, "/pdf"), page.text)
        self.assertEqual(self.url_open(self._url(self.revoked, "/pdf")).status_code, 404)

    @mute_logger("odoo.http")
    def test_teacher_cannot_reach_other_certificates(self):
        self._login(self.teacher_user)
        for other in (self.colleague_cert, self.own_draft, self.platform_appl):
            self._assert_hidden(other)
        # certificates have no access token: a query parameter opens nothing
        url = self._url(self.colleague_cert, "/pdf")
        self.assertEqual(self.url_open(f"{url}?access_token=forged").status_code, 404)
        self.assertEqual(self.url_open(self._url(self.Certificate.browse(10**8))).status_code, 404)

    @mute_logger("odoo.http")
    def test_coordinator_sees_own_organization_platform_certificate(self):
        self._login(self.coordinator_appl)
        listing = self.url_open("/my/network/certificates")
        self.assertIn(self.platform_appl.name, listing.text)
        for other in (self.own, self.revoked, self.colleague_cert, self.platform_exec):
            self.assertNotIn(other.name, listing.text)
        self.assertEqual(self.url_open(self._url(self.platform_appl)).status_code, 200)
        text = self._download(self._url(self.platform_appl, "/pdf"))
        self.assertIn(self.platform_appl.name, text)
        self.assertIn(self.applicant.name, text)
        for other in (self.own, self.colleague_cert, self.platform_exec, self.platform_draft):
            self._assert_hidden(other)
        # the teachers' activity card is not the coordinator's
        self.assertEqual(self.url_open("/my/network/card/pdf").status_code, 403)

    @mute_logger("odoo.http")
    def test_nobody_else_has_a_certificate_list(self):
        outsider = self._create_portal_user(
            "cert_outsider_http", self.env["res.partner"].create({"name": "Outsider"})
        )
        self._login(outsider)
        self.assertEqual(self.url_open("/my/network/certificates").status_code, 403)
        self.assertEqual(self.url_open("/my/network/card/pdf").status_code, 403)
        self._assert_hidden(self.own, status=403)
        self.assertFalse(self.Certificate.with_user(outsider).search([]))

    def test_activity_card_pdf_is_the_teachers_own(self):
        self._login(self.teacher_user)
        page = self.url_open("/my/network/card")
        self.assertIn("/my/network/card/pdf", page.text)
        with self._real_pdfs():
            response = self.url_open("/my/network/card/pdf")
        self._assert_pdf(response)
        self.assertIn("Listener_Anna", response.headers["Content-Disposition"])
        text = pdf_text(response.content)
        # the activity card report, of this teacher only
        self.assertRegex(text, "(?i)activity card|карта активности")
        self.assertIn(self.listener.name, text)
        self.assertIn(self.own.name, text)  # the tokens exchanged for it
        self.assertNotIn(self.colleague.name, text)


@tagged("post_install", "-at_install")
class TestPortalMatrixPlatforms(CertificationPortalCommon):
    def test_matrix_marks_platforms_of_the_year(self):
        day = {"date_request": date(1991, 2, 1)}
        self._create_request(**day).action_submit()
        self._create_request(requester=self.third_org, **day).action_submit()
        # without a decision approved by an order, nobody holds the status
        self.assertEqual(self.env["network.request"]._get_matrix(self.year)["platform_ids"], set())
        # the decision on 1989/1990, approved in August 1990: the applicant school (a platform
        # of 1989/1990) holds the status through 1990/1991; the executor, a platform of
        # 1990/1991, only from its own decision on
        self.env["network.council.decision"].create(
            {
                "school_year_id": self.year_1989.id,
                "order_number": "15-од",
                "order_date": date(1990, 8, 30),
                "state": "approved",
            }
        )
        matrix = self.env["network.request"]._get_matrix(self.year)
        self.assertEqual(matrix["platform_ids"], {self.applicant.id})
        self.assertEqual(
            self.env["network.request"]._get_matrix(self.year_1987)["platform_ids"], set()
        )
        self._login(self.coordinator_appl)
        page = self.url_open(f"/network/matrix?year_id={self.year.id}")
        self.assertEqual(page.status_code, 200)
        self.assertEqual(page.text.count("o_network_platform_badge"), 1)
        self.assertIn(self.executor.name, page.text)


@tagged("post_install", "-at_install")
class TestPortalProgress(CertificationPortalCommon):
    """The certificate in sight on the teacher's card and the coordinator's teachers page, and
    the organization's facts toward «Network platform»."""

    def test_card_and_teachers_page(self):
        if not self.env["network.school.year"]._get_current():
            self.skipTest("no current school year in this database")
        self._login(self.teacher_user)
        card = self.url_open("/my/network/card").text
        self.assertIn("o_network_card_progress", card)
        # the teacher's tokens are of 1989–1991: outside today's window
        self.assertIn("o_network_card_out_of_window", card)
        self._login(self.coordinator_appl)
        page = self.url_open("/my/network/teachers").text
        self.assertIn("o_network_platform_progress", page)
        self.assertIn("o_network_teacher_certificate", page)
        self.assertIn("o_network_teacher_certificates_issued", page)  # the teacher's own
        self.assertIn(self.listener.name, page)
        self.assertNotIn(self.presenter.name, page)  # the executor's teacher
