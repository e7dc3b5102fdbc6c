from odoo.exceptions import UserError, ValidationError

from .common import PairingTestCommon


class TestPairing(PairingTestCommon):
    def _classified(self, *values, **vals):
        assessment = self._create_assessment(self._scores(*values), **vals)
        assessment.action_classify()
        return assessment

    def test_propose_pairs_without_repeats(self):
        """Two high, two low: two pairs, the weakest with the strongest; proposing again adds
        nothing (every school is taken)."""
        assessment = self._classified(91, 85, 77, 70, 66, 60, 55, 48, 40, 33)
        pairs = assessment._propose_pairs()
        s = self.schools
        self.assertEqual(len(pairs), 2)
        self.assertEqual(set(pairs.mapped("state")), {"proposed"})
        by_weak = {pair.weak_id: pair.strong_id for pair in pairs}
        self.assertEqual(by_weak, {s[9]: s[0], s[8]: s[1]})
        orgs = pairs.strong_id | pairs.weak_id
        self.assertEqual(len(orgs), 4)
        with self.assertRaises(UserError):
            assessment.action_propose_pairs()
        self.assertEqual(assessment.pair_count, 2)

    def test_button_shows_the_proposed_pairs(self):
        assessment = self._classified(91, 85, 77, 70, 66, 60, 55, 48, 40, 33)
        action = assessment.action_propose_pairs()
        self.assertEqual(action["res_model"], "network.school.pair")
        self.assertEqual(self.Pair.search(action["domain"]), assessment.pair_ids)
        self.assertEqual(len(assessment.pair_ids), 2)

    def test_more_low_than_high(self):
        """Ties make three low and two high: one low school stays without a pair."""
        assessment = self._classified(91, 85, 77, 70, 66, 60, 55, 40, 40, 33)
        pairs = assessment._propose_pairs()
        self.assertEqual(len(pairs), 2)
        self.assertEqual(len(pairs.weak_id), 2)
        self.assertIn(self.schools[9], pairs.weak_id)

    def test_same_kind_first(self):
        """The weakest school, a kindergarten-kind organization here, gets the high school of
        its own kind even though another is stronger."""
        s = self.schools
        (s[1] | s[9]).write({"network_org_kind": "college"})
        assessment = self._classified(91, 85, 77, 70, 66, 60, 55, 48, 40, 33)
        pairs = assessment._propose_pairs()
        by_weak = {pair.weak_id: pair.strong_id for pair in pairs}
        self.assertEqual(by_weak, {s[9]: s[1], s[8]: s[0]})

    def test_same_cluster_then(self):
        Partner = self.env["res.partner"]
        if "network_parent_id" not in Partner._fields:
            self.skipTest("clusters come with network_governance")
        s = self.schools
        head = self._create_org("Test innovation centre", network_level="1")
        (s[1] | s[9]).write({"network_parent_id": head.id, "network_level": "2"})
        assessment = self._classified(91, 85, 77, 70, 66, 60, 55, 48, 40, 33)
        pairs = assessment._propose_pairs()
        by_weak = {pair.weak_id: pair.strong_id for pair in pairs}
        self.assertEqual(by_weak, {s[9]: s[1], s[8]: s[0]})

    def test_schools_already_paired_are_left_out(self):
        assessment = self._classified(91, 85, 77, 70, 66, 60, 55, 48, 40, 33)
        s = self.schools
        manual = self._create_pair(assessment, s[0], s[8])
        pairs = assessment._propose_pairs()
        self.assertEqual(len(pairs), 1)
        self.assertEqual((pairs.strong_id, pairs.weak_id), (s[1], s[9]))
        # a cancelled pair frees its schools
        manual.action_cancel()
        again = assessment._propose_pairs()
        self.assertEqual((again.strong_id, again.weak_id), (s[0], s[8]))

    def test_propose_needs_classification(self):
        assessment = self._create_assessment(self._scores(91, 85, 77))
        with self.assertRaises(UserError):
            assessment._propose_pairs()
        self.assertFalse(assessment.pair_ids)

    def test_one_pair_per_school_and_assessment(self):
        assessment = self._classified(91, 85, 77, 70, 66, 60, 55, 48, 40, 33)
        s = self.schools
        self._create_pair(assessment, s[0], s[9])
        # twice in one role: the database refuses; in the other role: the model does
        for strong, weak in ((s[0], s[8]), (s[1], s[9])):
            with self.subTest(strong=strong.name, weak=weak.name), self.assertRaisesDatabase():
                self._create_pair(assessment, strong, weak)
        for strong, weak in ((s[9], s[8]), (s[1], s[0])):
            with self.subTest(strong=strong.name, weak=weak.name):
                with self.assertRaises(ValidationError), self.env.cr.savepoint():
                    self._create_pair(assessment, strong, weak)
        with self.assertRaisesDatabase():
            self._create_pair(assessment, s[2], s[2])
        # a school with no result in the assessment
        outsider = self._create_org("Test outsider school")
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self._create_pair(assessment, s[2], outsider)
        # the same schools pair again in another assessment
        other = self._classified(91, 85, 77, 70, 66, 60, 55, 48, 40, 33, procedure="oge")
        self.assertTrue(self._create_pair(other, s[0], s[9]))

    def test_workflow(self):
        assessment = self._classified(91, 85, 77, 70, 66, 60, 55, 48, 40, 33)
        s = self.schools
        pair = self._create_pair(assessment, s[0], s[9])
        with self.assertRaises(UserError):
            pair.action_done()
        pair.write({"strong_id": s[1].id})  # the methodist adjusts a proposal
        pair.action_activate()
        self.assertEqual(pair.state, "active")
        with self.assertRaises(UserError):
            pair.action_activate()
        with self.assertRaises(UserError):
            pair.write({"strong_id": s[0].id})
        self.assertEqual(pair.strong_id, s[1])
        pair.action_done()
        self.assertEqual(pair.state, "done")
        for method in ("action_activate", "action_done", "action_cancel"):
            with self.subTest(method=method), self.assertRaises(UserError):
                getattr(pair, method)()
        self.assertEqual(pair.state, "done")
        with self.assertRaises(UserError):
            pair.unlink()

    def test_help_log_and_joint_events(self):
        assessment = self._classified(91, 85, 77, 70, 66, 60, 55, 48, 40, 33)
        s = self.schools
        pair = self._create_pair(assessment, s[0], s[9])
        pair.action_activate()
        entry = pair._log_help({"help_kind": "consultation", "description": "Typical errors"})
        self.assertEqual(entry.organization_id, s[9])
        self.assertEqual(pair.help_count, 1)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            pair._log_help({"help_kind": "other", "description": "x", "organization_id": s[5].id})
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            pair._log_help({"help_kind": "other", "description": "   "})
        action = pair.action_plan_event()
        self.assertEqual(action["context"]["default_school_pair_id"], pair.id)
        event = self._create_event(host=s[0], school_pair_id=pair.id)
        self.assertEqual(pair.event_ids, event)
        self.assertEqual(pair.event_count, 1)
        # tokens as at any network event
        self._register(event, self.presenter_2)
        tokens = event._issue_tokens()
        self.assertEqual(set(tokens.mapped("role")), {"listener", "presenter"})
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self._create_event(network=False, school_pair_id=pair.id)
        pair.action_cancel()
        with self.assertRaises(UserError), self.env.cr.savepoint():
            pair._log_help({"help_kind": "other", "description": "Too late"})
        with self.assertRaises(UserError):
            pair.action_plan_event()

    def test_score_change_and_report(self):
        """The weak school's result in the same procedure next year minus this year's."""
        s = self.schools
        now = self._classified(91, 85, 77, 70, 66, 60, 55, 48, 40, 33)
        improved = self._create_pair(now, s[0], s[9])
        worsened = self._create_pair(now, s[1], s[8])
        self.assertEqual(improved.outcome, "unknown")
        self.assertEqual(improved.score_change, 0.0)
        # next year: S9 33 → 45.5, S8 40 → 38; another grade does not count
        self._create_assessment(self._scores(*[50] * 8, 38, 45.5), year=self.next_year)
        self._create_assessment(self._scores(*[99] * 10), year=self.next_year, grade=6)
        pairs = improved | worsened
        pairs.invalidate_recordset(["score_change", "outcome", "next_score"])
        self.assertAlmostEqual(improved.score_change, 12.5)
        self.assertEqual(improved.next_score, 45.5)
        self.assertEqual(improved.outcome, "improved")
        self.assertAlmostEqual(worsened.score_change, -2.0)
        self.assertEqual(worsened.outcome, "worsened")
        Report = self.env["network.school.pair.report"]
        groups = dict(
            Report._read_group([("pair_id", "in", pairs.ids)], ["outcome"], ["pair_count:sum"])
        )
        self.assertEqual(groups, {"improved": 1, "worsened": 1})
        row = Report.search([("pair_id", "=", improved.id)])
        self.assertEqual((row.weak_score, row.next_score), (33.0, 45.5))

    def test_query_count_does_not_grow(self):
        """Classifying and proposing take the same number of queries for 10 and 40 schools."""
        extra = self.env["res.partner"].create(
            [
                {
                    "name": f"Extra {i}",
                    "is_company": True,
                    "is_network_member": True,
                    "network_org_kind": "school",
                }
                for i in range(30)
            ]
        )
        warm = self._create_assessment(self._scores(91, 85, 77, 70, 66, 60, 55, 48, 40, 33))
        small = self._create_assessment(
            self._scores(91, 85, 77, 70, 66, 60, 55, 48, 40, 33), grade=6
        )
        scores = dict(zip(self.schools | extra, range(40), strict=True))
        big = self._create_assessment(scores, procedure="oge")
        counts = []
        for assessment in (warm, small, big):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            assessment.action_classify()
            assessment._propose_pairs()
            self.env.flush_all()
            counts.append(self.env.cr.sql_log_count - before)
        self.assertEqual(counts[1], counts[2])
        self.assertEqual(len(big.pair_ids), 8)

    def test_school_years_around(self):
        around = self.Assessment._school_years_around(1)
        self.assertEqual(around[self.year.id], self.next_year.id)
        self.assertEqual(self.Assessment._school_years_around(-1)[self.next_year.id], self.year.id)

    def test_unchanged_and_unknown_outcomes(self):
        s = self.schools
        now = self._classified(91, 85, 77, 70, 66, 60, 55, 48, 40, 33)
        same = self._create_pair(now, s[0], s[9])
        missing = self._create_pair(now, s[1], s[8])
        # next year S9 scores the same; S8 has no result (S8 took no part)
        scores = self._scores(*[50] * 8, 0, 33)
        del scores[s[8]]
        self._create_assessment(scores, year=self.next_year)
        self.assertEqual((same.outcome, same.score_change), ("unchanged", 0.0))
        self.assertEqual(missing.outcome, "unknown")

    def test_smart_buttons(self):
        s = self.schools
        assessment = self._classified(91, 85, 77, 70, 66, 60, 55, 48, 40, 33)
        pair = self._create_pair(assessment, s[0], s[9])
        pair.action_activate()
        event = self._create_event(host=s[0], school_pair_id=pair.id)
        for action, model, records in (
            (assessment.action_view_pairs(), "network.school.pair", pair),
            (assessment.action_view_results(), "network.assessment.result", assessment.result_ids),
            (pair.action_view_events(), "event.event", event),
        ):
            with self.subTest(model=model):
                self.assertEqual(self.env[model].search(action["domain"]), records)
        self.assertEqual(pair.action_view_events()["context"]["default_school_pair_id"], pair.id)

    def test_new_result_drops_the_classification(self):
        assessment = self._classified(91, 85, 77, 70, 66)
        self.Result.create(
            {"assessment_id": assessment.id, "organization_id": self.schools[7].id, "score": 1}
        )
        self.assertEqual(assessment.state, "draft")
        self.assertFalse(any(assessment.result_ids.mapped("level")))
        assessment.action_classify()
        assessment.result_ids.filtered(lambda r: r.score == 1).unlink()
        self.assertEqual(assessment.state, "draft")
