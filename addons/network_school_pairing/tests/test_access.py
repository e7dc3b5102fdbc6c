from odoo.exceptions import AccessError

from .portal_common import PairingPortalCommon


class TestAccess(PairingPortalCommon):
    def test_methodist_works_the_whole_flow(self):
        s = self.schools
        assessment = (
            self.env["network.assessment"]
            .with_user(self.methodist)
            .create({"procedure": "ege", "school_year_id": self.year.id})
        )
        self.env["network.assessment.result"].with_user(self.methodist).create(
            [
                {"assessment_id": assessment.id, "organization_id": school.id, "score": score}
                for school, score in zip(s, range(10), strict=True)
            ]
        )
        assessment.action_classify()
        pairs = assessment._propose_pairs()
        pairs.action_activate()
        pairs[0]._log_help({"help_kind": "other", "description": "Methodist's help"})
        self.assertEqual(pairs[0].help_count, 1)

    def test_department_reads_everything_changes_nothing(self):
        for model, record in (
            ("network.assessment", self.assessment),
            ("network.assessment.result", self.result_other),
            ("network.school.pair", self.pair_other),
            ("network.help.record", self.help_other),
        ):
            with self.subTest(model=model):
                as_department = record.with_user(self.department)
                self.assertTrue(as_department.read(["display_name"]))
                with self.assertRaises(AccessError):
                    as_department.write({"create_date": record.create_date})
        report = self.env["network.school.pair.report"].with_user(self.department)
        self.assertEqual(len(report.search([("pair_id", "in", self.pair_own.ids)])), 1)
        with self.assertRaises(AccessError):
            self.assessment.with_user(self.department).action_classify()

    def test_coordinator_reads_own_school_only(self):
        user = self.coordinator_exec
        Result = self.env["network.assessment.result"].with_user(user)
        self.assertEqual(Result.search([]), self.result_own)
        with self.assertRaises(AccessError):
            self.result_other.with_user(user).read(["score"])
        self.assertEqual(self.env["network.assessment"].with_user(user).search([]), self.assessment)
        Pair = self.env["network.school.pair"].with_user(user)
        self.assertEqual(Pair.search([]), self.pair_own)
        with self.assertRaises(AccessError):
            self.pair_other.with_user(user).read(["name"])
        Help = self.env["network.help.record"].with_user(user)
        self.assertEqual(Help.search([]), self.help_own)
        with self.assertRaises(AccessError):
            self.help_other.with_user(user).read(["description"])
        with self.assertRaises(AccessError):
            self.result_own.with_user(user).write({"score": 99})
        with self.assertRaises(AccessError):
            self.pair_own.with_user(user).action_done()
        self.assertEqual(self.pair_own.state, "active")

    def test_teacher_and_other_coordinator_read_nothing(self):
        for user in (self.teacher_user, self.coordinator_appl):
            with self.subTest(user=user.login):
                for model in (
                    "network.assessment",
                    "network.assessment.result",
                    "network.school.pair",
                    "network.help.record",
                ):
                    self.assertFalse(self.env[model].with_user(user).search([]))

    def test_internal_user_without_network_group(self):
        employee = self._create_user("plain_employee_pairs", "base.group_user")
        for record in (self.result_own, self.pair_own, self.help_own):
            with self.subTest(model=record._name), self.assertRaises(AccessError):
                record.with_user(employee).read(["display_name"])
