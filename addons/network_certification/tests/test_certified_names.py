"""A certificate states what was certified when it was issued: the holder's, organization's and
school year's names are stored at issue and printed from there. A teacher renaming themselves
(anybody may, in the portal's /my/account or on their own user), or a renamed organization, does
not change an issued certificate, and nothing it certified can be written afterwards."""

from datetime import date

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import SQL

from .test_portal import CertificationPortalCommon
from .test_report import CERTIFICATE_REPORT, pdf_text

VERIFY = "/network/certificate/verify/%s"
OLD_NAME = "Listener Anna"
NEW_NAME = "Anna Renamed-Later"


@tagged("post_install", "-at_install")
class TestCertifiedNames(CertificationPortalCommon):
    def _verification_page(self, certificate):
        response = self.url_open(VERIFY % certificate.verification_code)
        self.assertEqual(response.status_code, 200)
        return response.text

    def _assert_names_at_issue(self, certificate, holder, organization, year):
        self.assertEqual(
            (certificate.holder_name, certificate.organization_name, certificate.school_year_name),
            (holder, organization, year),
        )

    def test_teacher_renames_own_user(self):
        certificate = self.own
        self.assertEqual(self.listener.name, OLD_NAME)
        self.teacher_user.with_user(self.teacher_user).write({"name": NEW_NAME})
        self.assertEqual(self.listener.name, NEW_NAME)
        # the organization and the school year are renamed too
        organization = self.applicant.name
        self.applicant.name = "Kindergarten renamed"
        self.year.name = "1990/1991 renamed"
        self.assertIn(OLD_NAME, certificate.display_name)
        self.assertNotIn(NEW_NAME, certificate.display_name)
        page = self._verification_page(certificate)
        self.assertIn(OLD_NAME, page)
        self.assertNotIn(NEW_NAME, page)
        self.assertIn("1990/1991", page)
        self.assertNotIn("1990/1991 renamed", page)
        self._assert_names_at_issue(certificate, OLD_NAME, organization, "1990/1991")

    def test_teacher_renames_themselves_in_the_portal(self):
        certificate = self.own
        self._login(self.teacher_user)
        response = self._post(
            "/my/account",
            {
                "name": NEW_NAME,
                "email": "anna@example.com",
                "phone": "+7 900 000 00 00",
                "street": "Lenina 1",
                "city": "Dobryanka",
                "country_id": self.env.ref("base.ru").id,
            },
        )
        self.assertEqual(response.status_code, 200)
        self.listener.invalidate_recordset(["name"])
        self.assertEqual(self.listener.name, NEW_NAME, "the portal renamed the teacher")
        # the public verification page, the portal page and the PDF (first printed after the
        # rename) state the name the certificate was issued to
        portal_page = self.url_open(self._url(certificate)).text
        # (the portal's user menu shows the user's own, current name)
        card = portal_page.split('class="card o_network_certificate"', 1)[1]
        for page in (self._verification_page(certificate), card):
            self.assertIn(OLD_NAME, page)
            self.assertNotIn(NEW_NAME, page)
        text = self._download(self._url(certificate, "/pdf"))
        self.assertIn(certificate.name, text)
        self.assertIn(OLD_NAME, text)
        self.assertNotIn(NEW_NAME, text)

    def test_certified_fields_are_frozen(self):
        certificate = self.own
        certified = [
            "name",
            "certificate_kind",
            "partner_id",
            "organization_id",
            "school_year_id",
            "token_ids",
            "green_token_count",
            "red_token_count",
            "issue_date",
            "verification_code",
            "company_id",
            "council_decision_id",
            "state",
        ]
        frozen = certificate.read(certified)
        other_decision = self.env["network.council.decision"].create(
            {"school_year_id": self.year.id}
        )
        for vals in (
            {"name": "1991-999999"},
            {"certificate_kind": "network_teacher"},
            {"partner_id": self.colleague.id},
            {"organization_id": self.third_org.id},
            {"school_year_id": self.year_1989.id},
            {"token_ids": [Command.clear()]},
            {"green_token_count": 9},
            {"red_token_count": 9},
            {"issue_date": date(1991, 1, 1)},
            {"verification_code": "x" * 32},
            {"company_id": self.env["res.company"].create({"name": "Other centre"}).id},
            {"council_decision_id": other_decision.id},
            {"holder_name": NEW_NAME},
            {"organization_name": "Other school"},
            {"school_year_name": "2000/2001"},
            # an issued certificate is not made a draft again
            {"state": "draft"},
            {"revoke_reason": "Typo", "holder_name": NEW_NAME},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                certificate.write(vals)
        self.assertEqual(certificate.read(certified), frozen)
        self._assert_names_at_issue(certificate, OLD_NAME, self.applicant.name, "1990/1991")
        # the mail flag and the revocation stay possible
        certificate.write({"mail_pending": True})
        certificate.action_revoke("Tokens of a cancelled event")
        self.assertEqual(certificate.state, "revoked")
        self.assertEqual(certificate.revoke_reason, "Tokens of a cancelled event")
        self.assertFalse(certificate.mail_pending)
        certificate.write({"revoke_reason": "Tokens of a cancelled seminar"})
        self.assertEqual(certificate.revoke_reason, "Tokens of a cancelled seminar")
        for vals in ({"holder_name": NEW_NAME}, {"state": "issued"}):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                certificate.write(vals)
        self.assertEqual(certificate.holder_name, OLD_NAME)
        # a draft is still edited freely
        draft = self.own_draft
        draft.write({"school_year_id": self.year_1989.id, "partner_id": self.colleague.id})
        self.assertEqual(draft.partner_id, self.colleague)

    def test_platform_certificate_of_a_council_decision(self):
        organization = self._create_org("Platform school (name at issue)")
        decision = self.env["network.council.decision"].create(
            {
                "school_year_id": self.year.id,
                "order_number": "77-od",
                "order_date": date(1991, 8, 30),
                "line_ids": [
                    Command.create({"organization_id": organization.id, "reason": "Test dataset"})
                ],
            }
        )
        decision.action_approve()
        certificate = decision.certificate_ids
        self.assertEqual(certificate.state, "issued")
        organization.name = "Platform school renamed"
        self.assertIn("Platform school (name at issue)", certificate.display_name)
        page = self._verification_page(certificate)
        self.assertIn("Platform school (name at issue)", page)
        self.assertNotIn("Platform school renamed", page)
        self._assert_names_at_issue(
            certificate,
            "Platform school (name at issue)",
            "Platform school (name at issue)",
            "1990/1991",
        )
        pdf, _type = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(CERTIFICATE_REPORT, certificate.ids)
        )
        text = pdf_text(pdf)
        self.assertIn("Platform school (name at issue)", text)
        self.assertNotIn("renamed", text)
        with self.assertRaises(UserError):
            certificate.write({"partner_id": self.third_org.id})
        with self.assertRaises(UserError):
            certificate.write({"council_decision_id": False})
        certificate.action_revoke("Wrong order")
        self.assertEqual(certificate.state, "revoked")
        self.assertFalse(organization.network_platform_year_ids)

    def test_certificates_issued_before_the_names_were_stored(self):
        """The module's update gives them today's names, once; drafts get none."""
        self.env.cr.execute(
            SQL(
                """
                UPDATE network_certificate
                   SET holder_name = NULL, organization_name = NULL, school_year_name = NULL
                 WHERE id = ANY(%s)
                """,
                [self.own.id, self.platform_exec.id],
            )
        )
        self.env.invalidate_all()
        self.Certificate.init()
        self._assert_names_at_issue(self.own, OLD_NAME, self.applicant.name, "1990/1991")
        self._assert_names_at_issue(
            self.platform_exec, self.executor.name, self.executor.name, "1990/1991"
        )
        self.assertFalse(self.own_draft.holder_name)
