from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import CommunityTestCommon


@tagged("post_install", "-at_install")
class TestTeacherProfile(CommunityTestCommon):
    """The teacher's profile: the experience and the young teacher follow from the career start
    by school years (1 September – 31 August); the mentor flag; the load and the mentor of a
    mentee follow the active pairs."""

    def _profile(self, start):
        teacher = self._create_teacher(self.executor, teacher_career_start=start)
        teacher.invalidate_recordset(["teacher_experience", "is_young_teacher"])
        return teacher.teacher_experience, teacher.is_young_teacher

    def test_young_teacher_boundary(self):
        # In 2025/2026 the teachers who started in 2023/2024, 2024/2025 or 2025/2026 are young
        # (fewer than three full school years), those of 2022/2023 are not.
        for today in ("2025-09-01", "2026-08-31"):
            with self.subTest(today=today), freeze_time(today):
                self.assertEqual(self._profile(2025), (0, True))
                self.assertEqual(self._profile(2023), (2, True))
                self.assertEqual(self._profile(2022), (3, False))
        # the last day of the school year 2024/2025 and the first of the next one
        with freeze_time("2025-08-31"):
            self.assertEqual(self._profile(2022), (2, True))
        with freeze_time("2025-09-01"):
            self.assertEqual(self._profile(2022), (3, False))

    def test_young_teacher_search_matches_compute(self):
        with freeze_time("2026-02-10"):
            teachers = self.env["res.partner"]
            for start in (2020, 2022, 2023, 2024, 2025):
                teachers |= self._create_teacher(self.third_org, teacher_career_start=start)
            no_start = self._create_teacher(self.third_org)
            company = self._create_org("Not a teacher")
            everyone = teachers | no_start | company
            Partner = self.env["res.partner"]
            young = Partner.search([("id", "in", everyone.ids), ("is_young_teacher", "=", True)])
            self.assertEqual(young, teachers.filtered(lambda t: t.teacher_career_start >= 2023))
            self.assertEqual(young, everyone.filtered("is_young_teacher"))
            not_young = Partner.search(
                [("id", "in", everyone.ids), ("is_young_teacher", "!=", True)]
            )
            self.assertEqual(not_young, everyone - young)
            self.assertEqual(
                Partner.search([("id", "in", everyone.ids), ("teacher_experience", ">=", 3)]),
                teachers.filtered(lambda t: t.teacher_career_start <= 2022),
            )
            self.assertEqual(Partner._young_teacher_min_start(), 2023)
            with self.assertRaises(UserError):
                Partner.search([("is_young_teacher", "in", [True])])

    def test_no_career_start_is_not_young(self):
        teacher = self._create_teacher(self.executor)
        self.assertEqual((teacher.teacher_experience, teacher.is_young_teacher), (0, False))
        # a contact who is not a teacher is never a young teacher
        contact = self.env["res.partner"].create(
            {"name": "Secretary", "parent_id": self.executor.id}
        )
        contact.teacher_career_start = self.current_start
        self.assertFalse(contact.is_young_teacher)

    def test_career_start_bounds(self):
        teacher = self._create_teacher(self.executor)
        for start in (1949, self.current_start + 1, -5):
            with self.subTest(start=start), self.assertRaises(ValidationError):
                with self.env.cr.savepoint():
                    teacher.teacher_career_start = start
                    teacher.flush_recordset()
        teacher.teacher_career_start = 1950
        teacher.teacher_career_start = self.current_start
        teacher.teacher_career_start = False
        self.assertEqual(teacher.teacher_career_start, 0)

    def test_mentor_is_a_teacher(self):
        with self.assertRaises(ValidationError):
            self.executor.is_mentor = True
        self.listener.is_mentor = True
        self.assertTrue(self.listener.is_mentor)

    def test_load_and_mentor_follow_active_pairs(self):
        self.assertEqual((self.mentor.mentoring_load, self.young.has_mentor), (0, False))
        pair = self._create_pair()
        self.assertEqual((self.mentor.mentoring_load, self.young.has_mentor), (0, False))
        pair.action_start()
        other = self._pair_in_state("active", mentee=self.young_other)
        self.assertEqual(self.mentor.mentoring_load, 2)
        self.assertTrue(self.young.has_mentor)
        self.assertTrue(self.young_other.has_mentor)
        pair.outcome = "partial"
        pair.action_done()
        other.action_cancel()
        self.assertEqual(self.mentor.mentoring_load, 0)
        self.assertFalse(self.young.has_mentor)
        # the base of mentors is searchable by load
        self.assertIn(
            self.mentor,
            self.env["res.partner"].search([("is_mentor", "=", True), ("mentoring_load", "=", 0)]),
        )

    def test_subjects_and_category(self):
        self.assertEqual(self.mentor.teacher_subject_ids, self.subject_math)
        self.assertEqual(self.subject_math.teacher_count, 1)
        found = self.env["res.partner"].search(
            [
                ("teacher_subject_ids", "in", self.subject_math.ids),
                ("teacher_category", "=", "highest"),
            ]
        )
        self.assertEqual(found, self.mentor)

    def test_experience_from_school_year_of_record(self):
        # the profile never looks at the calendar year alone: 1 September decides
        with freeze_time(date(2026, 1, 15)):
            self.assertEqual(self.env["res.partner"]._network_current_start_year(), 2025)
        with freeze_time(date(2026, 9, 1)):
            self.assertEqual(self.env["res.partner"]._network_current_start_year(), 2026)
