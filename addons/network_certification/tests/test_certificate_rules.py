from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import CertificationTestCommon

L, P = "listener", "presenter"


@tagged("post_install", "-at_install")
class TestCertificateRules(CertificationTestCommon):
    def _eligible(self, teacher, year=None):
        return (
            self.env["network.activity.token"]
            ._certification_eligible(year or self.year, [teacher.id])
            .get(teacher.id)
        )

    def test_two_tokens_not_eligible(self):
        teacher = self._create_teacher(self.applicant)
        self._give_tokens(teacher, (1990, L), (1990, P))
        self.assertFalse(self._eligible(teacher))
        self.assertFalse(self._issue(teacher))
        self.assertFalse(self.Certificate.search([("partner_id", "=", teacher.id)]))

    def test_three_tokens_over_three_school_years(self):
        teacher = self._create_teacher(self.applicant)
        tokens = self._give_tokens(teacher, (1988, L), (1989, L), (1990, P))
        certificate = self._issue(teacher)
        self.assertEqual(len(certificate), 1)
        self.assertEqual(certificate.state, "issued")
        self.assertEqual(certificate.certificate_kind, "teacher")
        self.assertEqual(certificate.partner_id, teacher)
        self.assertEqual(certificate.organization_id, self.applicant)
        self.assertEqual(certificate.school_year_id, self.year)
        self.assertEqual(certificate.token_ids, tokens)
        self.assertEqual((certificate.green_token_count, certificate.red_token_count), (2, 1))
        self.assertEqual(certificate.issue_date, self.today)
        self.assertTrue(certificate.name)
        self.assertEqual(set(tokens.mapped("state")), {"used"})
        self.assertEqual(tokens.certificate_id, certificate)

    def test_token_three_years_back_is_outside_the_window(self):
        teacher = self._create_teacher(self.applicant)
        self._give_tokens(teacher, (1987, P), (1989, P), (1990, P))
        self.assertFalse(self._eligible(teacher))
        self.assertEqual(
            self.env["network.activity.token"]._certification_window(self.year),
            self.year | self.year_1989 | self.year_1988,
        )
        # the window is a setting: four school years take the 1987/1988 token in
        self.company.network_cert_window_years = 4
        card = self._eligible(teacher)
        self.assertEqual(len(card["token_ids"]), 3)
        self.assertEqual(card["kind"], "network_teacher")

    def test_future_tokens_do_not_count(self):
        """Tokens of later school years do not count for an earlier year's certificate."""
        teacher = self._create_teacher(self.applicant)
        self._give_tokens(teacher, (1988, L), (1989, L), (1990, L))
        self.assertFalse(self._eligible(teacher, self.year_1989))
        self.assertTrue(self._eligible(teacher, self.year))

    def test_three_red_make_a_network_teacher(self):
        teacher = self._create_teacher(self.executor)
        self._give_tokens(teacher, (1990, P), (1990, P), (1989, P), (1990, L))
        certificate = self._issue(teacher)
        self.assertEqual(certificate.certificate_kind, "network_teacher")
        self.assertEqual((certificate.green_token_count, certificate.red_token_count), (1, 3))
        self.assertEqual(len(certificate.token_ids), 4)

    def test_two_red_and_one_green_make_a_teacher_certificate(self):
        teacher = self._create_teacher(self.executor)
        self._give_tokens(teacher, (1990, P), (1989, P), (1990, L))
        certificate = self._issue(teacher)
        self.assertEqual(certificate.certificate_kind, "teacher")
        self.assertEqual((certificate.green_token_count, certificate.red_token_count), (1, 2))

    def test_used_tokens_are_not_reused(self):
        teacher = self._create_teacher(self.applicant)
        tokens = self._give_tokens(teacher, (1990, L), (1990, L), (1990, L))
        first = self._issue(teacher)
        self.assertTrue(first)
        # a second run for the year, for the teacher or for everyone: nothing new
        self.assertFalse(self._issue(teacher))
        self.assertFalse(self._issue())
        # two new tokens do not reach three with the used ones
        more = self._give_tokens(teacher, (1990, P), (1989, L))
        self.assertFalse(self._issue(teacher))
        # a third one does: only the new tokens are exchanged
        more |= self._give_tokens(teacher, (1988, L))
        second = self._issue(teacher)
        self.assertEqual(second.token_ids, more)
        self.assertFalse(second.token_ids & tokens)
        self.assertNotEqual(first.name, second.name)
        self.assertEqual(tokens.certificate_id, first)

    def test_second_run_issues_nothing(self):
        teachers = self._create_teachers(self.applicant, 3)
        for teacher in teachers:
            self._give_tokens(teacher, (1990, L), (1989, L), (1988, L))
        first = self._issue()
        self.assertEqual(first.partner_id, teachers)
        count = self.Certificate.search_count([])
        self.assertFalse(self._issue())
        self.assertEqual(self.Certificate.search_count([]), count)

    def test_revoke_frees_the_tokens_and_keeps_the_number(self):
        teacher = self._create_teacher(self.applicant)
        tokens = self._give_tokens(teacher, (1990, P), (1990, P), (1990, P))
        certificate = self._issue(teacher)
        number = certificate.name
        certificate.action_revoke("Tokens of a cancelled event")
        self.assertEqual(certificate.state, "revoked")
        self.assertEqual(certificate.name, number)
        self.assertEqual(certificate.revoke_reason, "Tokens of a cancelled event")
        self.assertEqual(certificate.revoke_date, self.today)
        self.assertEqual(set(tokens.mapped("state")), {"valid"})
        self.assertFalse(tokens.certificate_id)
        # the revoked certificate still shows what was exchanged
        self.assertEqual(certificate.token_ids, tokens)
        with self.assertRaises(UserError):
            certificate.action_revoke()
        # the freed tokens count again
        again = self._issue(teacher)
        self.assertEqual(again.token_ids, tokens)
        self.assertNotEqual(again.name, number)
        self.assertEqual(tokens.certificate_id, again)
        # a freed token can be revoked on its own again, a used one cannot
        with self.assertRaises(UserError):
            tokens[0].action_revoke("x")

    def test_revoke_with_the_reason_wizard(self):
        """The certificate's Revoke button asks for the reason with the network's reason
        wizard, which revokes through action_revoke."""
        methodist = self._create_user(
            "cert_revoke_methodist", "network_methodology.group_network_user"
        )
        teacher = self._create_teacher(self.applicant)
        tokens = self._give_tokens(teacher, (1990, P), (1990, P), (1990, L))
        certificate = self._issue(teacher)
        action = self.env.ref(
            "network_certification.network_reason_wizard_action_revoke_certificate"
        )

        def revoke(reason):
            context = {"active_model": certificate._name, "active_ids": certificate.ids}
            form = Form(self.env[action.res_model].with_user(methodist).with_context(**context))
            form.reason = reason
            return form.save().action_confirm()

        revoke("  Tokens of a cancelled event ")
        self.assertEqual(
            (certificate.state, certificate.revoke_reason),
            ("revoked", "Tokens of a cancelled event"),
        )
        self.assertEqual(certificate.write_uid, methodist)
        self.assertEqual(set(tokens.mapped("state")), {"valid"})
        with self.assertRaises(UserError):
            revoke("Again")
        self.assertEqual(certificate.revoke_reason, "Tokens of a cancelled event")

    def test_records_of_another_company_are_refused(self):
        other = self.env["res.company"].create({"name": "Other district centre"})
        other_school = self._create_org("Other district school", company_id=other.id)
        with self.assertRaises(UserError):
            self._draft_certificate(self._create_teacher(other_school))
        decision = self.env["network.council.decision"].create({"school_year_id": self.year.id})
        with self.assertRaises(UserError):
            self.env["network.council.decision.line"].create(
                {"decision_id": decision.id, "organization_id": other_school.id}
            )
        # shared contacts (no company) meet every company's records
        self.assertTrue(self._draft_certificate(self._create_teacher(self.applicant)))

    def test_progress_towards_a_certificate(self):
        """What a teacher's card and the coordinator's teachers page show: the window, the
        valid tokens in it, the kind of certificate in sight."""
        teacher = self._create_teacher(self.executor)
        other = self._create_teacher(self.executor)
        self._give_tokens(teacher, (1990, P), (1990, P), (1989, P), (1989, L), (1987, L))
        self._give_tokens(other, (1990, L))
        window, progress = self.env["network.activity.token"]._certification_progress(
            self.year, (teacher | other).ids
        )
        self.assertEqual(window, self.year | self.year_1989 | self.year_1988)
        self.assertEqual(progress[teacher.id], {"tokens": 4, "red": 3, "kind": "network_teacher"})
        self.assertEqual(progress[other.id], {"tokens": 1, "red": 0, "kind": False})
        self.company.network_cert_min_red_tokens = 3
        self.company.network_cert_min_tokens = 5
        progress = self.env["network.activity.token"]._certification_progress(
            self.year, teacher.ids
        )[1]
        self.assertFalse(progress[teacher.id]["kind"])

    def test_thresholds_are_settings(self):
        teacher = self._create_teacher(self.executor)
        self._give_tokens(teacher, (1990, P), (1990, P), (1990, L))
        self.company.network_cert_min_red_tokens = 2
        self.assertEqual(self._eligible(teacher)["kind"], "network_teacher")
        self.company.network_cert_min_tokens = 4
        self.assertFalse(self._eligible(teacher))
        with self.assertRaises(ValidationError):
            self.company.network_cert_min_tokens = 0
        with self.assertRaises(ValidationError):
            self.company.write({"network_cert_min_tokens": 2, "network_cert_min_red_tokens": 3})

    def test_numbers_and_verification_codes(self):
        teachers = self._create_teachers(self.applicant, 4)
        for teacher in teachers:
            self._give_tokens(teacher, (1990, L), (1990, P), (1989, L))
        certificates = self._issue(teachers)
        self.assertEqual(len(certificates), 4)
        self.assertEqual(len(set(certificates.mapped("name"))), 4)
        for name in certificates.mapped("name"):
            self.assertRegex(name, r"^\d{4}-\d{6}$")
        codes = certificates.mapped("verification_code")
        self.assertEqual(len(set(codes)), 4)
        for certificate in certificates:
            # 24 random bytes, URL-safe base64: 192 bits
            self.assertGreaterEqual(len(certificate.verification_code), 32)
            self.assertTrue(
                certificate.verification_url.endswith(
                    "/network/certificate/verify/" + certificate.verification_code
                )
            )
        # the database keeps them unique (issued certificates refuse any change anyway)
        draft = self._draft_certificate(self._create_teacher(self.applicant))
        with self.assertRaisesDatabase():
            draft.verification_code = certificates[0].verification_code
        with self.assertRaisesDatabase():
            draft.name = certificates[0].name

    def test_manual_draft_certificate(self):
        teacher = self._create_teacher(self.executor)
        draft = self._draft_certificate(teacher)
        self.assertFalse(draft.name)
        with self.assertRaises(UserError):
            draft.action_issue()
        self.assertEqual(draft.state, "draft")
        tokens = self._give_tokens(teacher, (1990, P), (1990, P), (1989, P))
        draft.action_issue()
        self.assertEqual(draft.state, "issued")
        self.assertEqual(draft.certificate_kind, "network_teacher")
        self.assertEqual(draft.token_ids, tokens)
        self.assertTrue(draft.name)
        self.assertEqual(tokens.certificate_id, draft)
        with self.assertRaises(UserError):
            draft.action_issue()
        with self.assertRaises(UserError):
            draft.unlink()
        with self.assertRaises(ValidationError):
            self._draft_certificate(self.applicant)  # an organization is not a teacher
        with self.assertRaises(ValidationError):
            self._draft_certificate(teacher, kind="platform")

    def test_wizard_preview_and_issue(self):
        network_teacher = self._create_teacher(self.executor)
        teacher = self._create_teacher(self.applicant)
        not_yet = self._create_teacher(self.applicant)
        self._give_tokens(network_teacher, (1990, P), (1989, P), (1988, P))
        self._give_tokens(teacher, (1990, L), (1990, L), (1990, P))
        self._give_tokens(not_yet, (1990, L), (1990, L))
        wizard = self.env["network.certification.wizard"].create({"school_year_id": self.year.id})
        self.assertEqual(wizard.window_year_ids, self.year | self.year_1989 | self.year_1988)
        wizard.action_preview()
        lines = {line.partner_id: line for line in wizard.line_ids}
        self.assertEqual(set(lines), {network_teacher, teacher})
        self.assertEqual(
            (lines[network_teacher].red_count, lines[network_teacher].green_count), (3, 0)
        )
        self.assertEqual(lines[network_teacher].certificate_kind, "network_teacher")
        self.assertEqual((lines[teacher].red_count, lines[teacher].green_count), (1, 2))
        self.assertEqual(lines[teacher].certificate_kind, "teacher")
        self.assertEqual((wizard.teacher_count, wizard.network_teacher_count), (2, 1))
        action = wizard.action_issue()
        issued = self.Certificate.search(action["domain"])
        self.assertEqual(issued.partner_id, network_teacher | teacher)
        self.assertEqual(wizard.certificate_ids, issued)
        # running it twice issues nothing new
        again = self.env["network.certification.wizard"].create({"school_year_id": self.year.id})
        again.action_preview()
        self.assertFalse(again.line_ids)
        result = again.action_issue()
        self.assertEqual(result["tag"], "display_notification")
        self.assertFalse(again.certificate_ids)

    def test_wizard_mails_certificates_with_their_pdf(self):
        teacher = self._create_teacher(self.applicant, email="anna@example.com")
        silent = self._create_teacher(self.applicant)  # no email: nothing to send
        self._give_tokens(teacher, (1990, L), (1990, L), (1990, L))
        self._give_tokens(silent, (1990, L), (1990, L), (1990, L))
        wizard = self.env["network.certification.wizard"].create(
            {"school_year_id": self.year.id, "send_mail": True}
        )
        wizard.action_issue()
        certificate = wizard.certificate_ids.filtered(lambda c: c.partner_id == teacher)
        self.assertTrue(certificate.mail_pending)
        self.assertFalse((wizard.certificate_ids - certificate).mail_pending)
        # real PDFs: tests otherwise render reports as HTML
        self.Certificate.with_context(force_report_rendering=True)._cron_send_pending_mail()
        self.assertFalse(certificate.mail_pending)
        message = certificate.message_ids.filtered(lambda m: m.message_type == "comment")
        self.assertEqual(len(message), 1)
        self.assertIn(teacher, message.partner_ids)
        self.assertIn(certificate.name, message.subject)
        self.assertEqual(len(message.attachment_ids), 1)
        self.assertTrue(message.attachment_ids.raw.startswith(b"%PDF"))
