from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.network_methodology.tests.access_matrix import (
    ALL,
    NONE,
    READ,
    AccessMatrixMixin,
)

from .common import CertificationTestCommon

EXPECTED = {
    # methodists issue, revoke and delete drafts (the model refuses the rest); portal users
    # read issued certificates of their own only (test_portal): never a draft, as here
    "network.certificate": {
        "department": READ,
        "methodist": ALL,
        "manager": ALL,
        "internal": NONE,
        "portal": NONE,
    },
    # the council's decision: prepared and approved by managers, read by the others
    "network.council.decision": {
        "department": READ,
        "methodist": READ,
        "manager": ALL,
        "internal": NONE,
        "portal": NONE,
    },
    "network.council.decision.line": {
        "department": READ,
        "methodist": READ,
        "manager": ALL,
        "internal": NONE,
        "portal": NONE,
    },
    # the year-end wizard is the methodists' tool
    "network.certification.wizard": {
        "department": NONE,
        "methodist": ALL,
        "manager": ALL,
        "internal": NONE,
        "portal": NONE,
    },
}
WRITES = {
    "network.council.decision": ("order_number", "99"),
    "network.council.decision.line": ("reason", "Changed"),
    "network.certification.wizard": ("send_mail", True),
}


@tagged("post_install", "-at_install")
class TestCertificationAccess(AccessMatrixMixin, CertificationTestCommon):
    EXPECTED = EXPECTED
    WRITES = WRITES

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._create_access_users("netcert")
        cls.decision = cls.env["network.council.decision"].create({"school_year_id": cls.year.id})

    def _values(self, model):
        if model == "network.certificate":
            return {
                "partner_id": self._create_teacher(self.applicant).id,
                "school_year_id": self.year.id,
            }
        if model == "network.council.decision":
            return {"school_year_id": self.year.id}
        if model == "network.council.decision.line":
            return {
                "decision_id": self.decision.id,
                "organization_id": self._create_org(f"Org {self._uid_str()}").id,
            }
        if model == "network.certification.wizard":
            return {"school_year_id": self.year.id}
        raise AssertionError(model)

    def _write_value(self, model):
        if model == "network.certificate":
            return "school_year_id", self.year_1989
        return super()._write_value(model)

    def test_methodist_issues_and_revokes(self):
        methodist = self.users["methodist"]
        teacher = self._create_teacher(self.applicant)
        tokens = self._give_tokens(
            teacher, (1990, "listener"), (1990, "listener"), (1989, "presenter")
        )
        wizard = (
            self.env["network.certification.wizard"]
            .with_user(methodist)
            .create({"school_year_id": self.year.id})
        )
        wizard.action_preview()
        wizard.action_issue()
        certificate = wizard.certificate_ids
        self.assertEqual(certificate.partner_id, teacher)
        self.assertEqual(certificate.create_uid, methodist)
        certificate.with_user(methodist).action_revoke("Checked")
        self.assertEqual(set(tokens.mapped("state")), {"valid"})
        # used tokens stay frozen for methodists too
        again = self.Certificate.with_user(methodist)._issue_teacher_certificates(
            self.year, [teacher.id]
        )
        with self.assertRaises(UserError):
            tokens[0].with_user(methodist).write({"revoke_reason": "x"})
        self.assertEqual(again.token_ids, tokens)

    def test_department_cannot_issue_or_revoke(self):
        department = self.users["department"]
        teacher = self._create_teacher(self.applicant)
        tokens = self._give_tokens(
            teacher, (1990, "listener"), (1990, "listener"), (1989, "listener")
        )
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.Certificate.with_user(department)._issue_teacher_certificates(self.year)
        self.assertEqual(set(tokens.mapped("state")), {"valid"})
        certificate = self._issue(teacher)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            certificate.with_user(department).action_revoke("No")
        self.assertEqual(certificate.state, "issued")
        self.assertEqual(set(tokens.mapped("state")), {"used"})
        draft = self._draft_certificate(self._create_teacher(self.applicant))
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            draft.with_user(department).action_issue()
        self.assertEqual(draft.state, "draft")

    def test_only_managers_approve_decisions(self):
        self.decision.write({"order_number": "1", "order_date": date(1991, 8, 30)})
        for group in ("department", "methodist"):
            with self.subTest(group=group):
                with self.assertRaises(AccessError), self.env.cr.savepoint():
                    self.decision.with_user(self.users[group]).action_approve()
                self.assertEqual(self.decision.state, "draft")
        self.decision.with_user(self.users["manager"]).action_approve()
        self.assertEqual(self.decision.state, "approved")

    def test_verification_code_hidden_from_other_users(self):
        certificate = self._draft_certificate(self._create_teacher(self.applicant))
        with self.assertRaises(AccessError):
            certificate.with_user(self.users["internal"]).read(["verification_code"])
