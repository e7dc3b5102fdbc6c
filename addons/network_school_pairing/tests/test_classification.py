from odoo.exceptions import UserError

from ..models.network_assessment import classify_scores
from .common import PairingTestCommon


class TestClassification(PairingTestCommon):
    def test_percentile_boundaries(self):
        """Ten distinct scores, 20 % / 20 %: exactly two high and two low; the third best and
        the third worst are middle."""
        assessment = self._create_assessment(self._scores(91, 85, 77, 70, 66, 60, 55, 48, 40, 33))
        assessment.action_classify()
        self.assertEqual(assessment.state, "classified")
        s = self.schools
        self.assertEqual(self._level_names(assessment, "high"), set(s[0] | s[1]))
        self.assertEqual(self._level_names(assessment, "low"), set(s[8] | s[9]))
        self.assertEqual(len(self._level_names(assessment, "middle")), 6)
        self.assertEqual((assessment.high_count, assessment.low_count), (2, 2))

    def test_ties_at_the_boundary_go_together(self):
        """The 2nd and 3rd best are equal: both high (3 high); the 2nd and 3rd worst are equal:
        both low (3 low). Equal scores never get different levels."""
        assessment = self._create_assessment(self._scores(91, 80, 80, 70, 66, 60, 55, 40, 40, 33))
        assessment.action_classify()
        s = self.schools
        self.assertEqual(self._level_names(assessment, "high"), set(s[0] | s[1] | s[2]))
        self.assertEqual(self._level_names(assessment, "low"), set(s[7] | s[8] | s[9]))

    def test_tie_beyond_the_boundary_stays_out(self):
        """The 3rd and 4th best are equal, beyond the top 20 %: both middle."""
        assessment = self._create_assessment(self._scores(91, 85, 70, 70, 66, 60, 55, 48, 40, 33))
        assessment.action_classify()
        levels = self._levels(assessment)
        self.assertEqual(levels[self.schools[1]], "high")
        self.assertEqual(levels[self.schools[2]], "middle")
        self.assertEqual(levels[self.schools[3]], "middle")

    def test_all_equal_is_middle(self):
        assessment = self._create_assessment(self._scores(50, 50, 50, 50))
        assessment.action_classify()
        self.assertEqual(set(self._levels(assessment).values()), {"middle"})

    def test_other_thresholds(self):
        """30 % high, 10 % low of ten: three high, one low."""
        assessment = self._create_assessment(
            self._scores(91, 85, 77, 70, 66, 60, 55, 48, 40, 33),
            high_threshold=30,
            low_threshold=10,
        )
        assessment.action_classify()
        self.assertEqual(len(self._level_names(assessment, "high")), 3)
        self.assertEqual(self._level_names(assessment, "low"), {self.schools[9]})

    def test_classify_scores_function(self):
        self.assertEqual(
            classify_scores([1, 2, 3, 4, 5], 20, 20), ["low", "middle", "middle", "middle", "high"]
        )
        self.assertEqual(classify_scores([5, 5], 20, 20), ["middle", "middle"])
        self.assertEqual(classify_scores([3, 7], 20, 20), ["low", "high"])

    def test_bad_input(self):
        with self.assertRaises(UserError), self.env.cr.savepoint():
            self._create_assessment(self._scores(50)).action_classify()
        with self.assertRaisesDatabase():
            self._create_assessment(self._scores(1, 2), high_threshold=60, low_threshold=50)
        with self.assertRaisesDatabase():
            self._create_assessment(self._scores(1, 2), high_threshold=0)

    def test_changed_result_drops_the_classification(self):
        assessment = self._create_assessment(self._scores(91, 85, 77, 70, 66))
        assessment.action_classify()
        assessment.result_ids[0].score = 10
        self.assertEqual(assessment.state, "draft")
        self.assertFalse(any(assessment.result_ids.mapped("level")))
        assessment.action_classify()
        self.assertEqual(assessment.state, "classified")
        assessment.action_reset()
        self.assertEqual(assessment.state, "draft")

    def test_low_twice_in_a_row(self):
        """S9 is low in 1990/1991 and in 1991/1992 (same procedure, subject, grade): flagged;
        S8 low only this year is not; another procedure does not count."""
        before = self._create_assessment(self._scores(91, 85, 77, 70, 66, 60, 55, 48, 60, 33))
        before.action_classify()
        other = self._create_assessment(
            self._scores(91, 85, 77, 70, 66, 60, 55, 48, 10, 33), procedure="oge"
        )
        other.action_classify()
        now = self._create_assessment(
            self._scores(91, 85, 77, 70, 66, 60, 55, 48, 40, 33), year=self.next_year
        )
        now.action_classify()
        flagged = now.result_ids.filtered("is_low_repeat").organization_id
        self.assertEqual(flagged, self.schools[9])
        self.assertEqual(self._level_names(now, "low"), set(self.schools[8] | self.schools[9]))

    def test_name(self):
        assessment = self._create_assessment(self._scores(1, 2))
        self.assertIn("Test mathematics", assessment.name)
        self.assertIn("1990/1991", assessment.name)

    def test_low_twice_when_the_earlier_year_comes_later(self):
        """The next year is classified first; classifying the earlier year sets its flags, and
        a changed result of the earlier year clears them until it is classified again."""
        now = self._create_assessment(
            self._scores(91, 85, 77, 70, 66, 60, 55, 48, 40, 33), year=self.next_year
        )
        now.action_classify()
        self.assertFalse(now.result_ids.filtered("is_low_repeat"))
        before = self._create_assessment(self._scores(91, 85, 77, 70, 66, 60, 55, 48, 60, 33))
        before.action_classify()
        self.assertEqual(now.result_ids.filtered("is_low_repeat").organization_id, self.schools[9])
        before.result_ids.filtered(lambda r: r.organization_id == self.schools[9]).score = 99
        self.assertFalse(now.result_ids.filtered("is_low_repeat"))
        self.assertEqual(now.state, "classified")
        before.action_classify()
        self.assertFalse(now.result_ids.filtered("is_low_repeat"))  # S9 is high there now
