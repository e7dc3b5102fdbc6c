from odoo.tests import HttpCase, tagged

from .common import CertificationTestCommon

URL = "/network/certificate/verify/%s"


@tagged("post_install", "-at_install")
class TestVerificationPage(CertificationTestCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.holder = cls._create_teacher(
            cls.applicant, "Verifiable Teacher", email="private@example.com", phone="+7 999 1"
        )
        cls._give_tokens(cls.holder, (1990, "listener"), (1990, "listener"), (1989, "listener"))
        cls.certificate = cls._issue(cls.holder)

    def _get(self, code):
        return self.url_open(URL % code, allow_redirects=False)

    def test_valid_certificate(self):
        response = self._get(self.certificate.verification_code)
        self.assertEqual(response.status_code, 200)
        page = response.text
        self.assertIn("certificate_status_valid", page)
        for printed in (
            self.certificate.name,
            "Verifiable Teacher",
            self.year.name,
            self.env.company.name,
        ):
            self.assertIn(printed, page)
        # the kind, in the language of the page (the centre's, when it is installed)
        field = self.env["network.certificate"]._fields["certificate_kind"]
        labels = {
            dict(field._description_selection(self.env(context={"lang": code})))["teacher"]
            for code, _name in self.env["res.lang"].get_installed()
        }
        self.assertTrue(any(label in page for label in labels), labels)
        # nothing else about the person
        self.assertNotIn("private@example.com", page)
        self.assertNotIn("+7 999 1", page)
        self.assertNotIn(self.applicant.name, page)
        self.assertEqual(response.headers.get("X-Robots-Tag"), "noindex")

    def test_revoked_certificate(self):
        self.certificate.action_revoke("Wrong card")
        response = self._get(self.certificate.verification_code)
        self.assertEqual(response.status_code, 200)
        self.assertIn("certificate_status_revoked", response.text)
        self.assertNotIn("certificate_status_valid", response.text)
        self.assertIn(self.certificate.name, response.text)
        self.assertNotIn("Wrong card", response.text)

    def test_unknown_code(self):
        for code in (
            "x" * 32,
            self.certificate.verification_code[:-1] + "A"
            if not self.certificate.verification_code.endswith("A")
            else self.certificate.verification_code[:-1] + "B",
            "short",
        ):
            with self.subTest(code=code):
                response = self._get(code)
                self.assertEqual(response.status_code, 404)
                self.assertIn("certificate_status_unknown", response.text)
                self.assertNotIn("Verifiable Teacher", response.text)

    def test_draft_certificate_is_unknown(self):
        teacher = self._create_teacher(self.applicant, "Draft Holder")
        draft = self._draft_certificate(teacher)
        response = self._get(draft.verification_code)
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("Draft Holder", response.text)
