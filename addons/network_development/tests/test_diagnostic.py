from odoo.exceptions import AccessError, UserError, ValidationError

from .common import DevelopmentTestCommon


class TestDiagnostic(DevelopmentTestCommon):
    def test_start_invites_every_teacher_through_survey(self):
        diagnostic = self._create_diagnostic()
        teachers = (self.executor | self.applicant).child_ids.filtered("is_teacher")
        self.assertTrue(teachers)
        diagnostic.action_start()
        self.assertEqual(diagnostic.state, "running")
        answers = diagnostic.answer_ids
        self.assertEqual(answers.partner_id, teachers)
        self.assertEqual(len(answers), len(teachers))
        self.assertEqual(set(answers.mapped("survey_id")), {self.survey})
        self.assertEqual(set(answers.mapped("state")), {"new"})
        self.assertEqual(diagnostic.invited_count, len(teachers))
        self.assertEqual(diagnostic.answered_count, 0)
        # survey's invitation mail, one per teacher, with their own answer link
        mails = self.env["mail.mail"].search([("recipient_ids", "in", teachers.ids)])
        for answer in answers:
            mail = mails.filtered(lambda m, a=answer: a.partner_id in m.recipient_ids)
            self.assertEqual(len(mail), 1)
            self.assertIn(answer.access_token, mail.body_html)
        # the third school is not in the campaign
        self.assertNotIn(self.listener_2, answers.partner_id)

    def test_start_refused(self):
        diagnostic = self._create_diagnostic()
        diagnostic.action_start()
        with self.assertRaises(UserError):
            diagnostic.action_start()
        self.assertEqual(len(diagnostic.answer_ids), 5)
        # a survey none of whose questions measures a competence
        survey = self.survey.copy()
        survey.question_ids.network_competence_id = False
        no_competence = self._create_diagnostic(survey_id=survey.id)
        with self.assertRaises(UserError):
            no_competence.action_start()
        self.assertEqual(no_competence.state, "draft")
        self.assertFalse(no_competence.answer_ids)
        # a deadline in the past
        late = self._create_diagnostic(deadline="1991-01-01")
        with self.assertRaises(UserError):
            late.action_start()
        self.assertEqual(late.state, "draft")
        # organizations without teachers
        empty = self._create_diagnostic(organizations=self._create_org("Empty school"))
        with self.assertRaises(UserError):
            empty.action_start()
        self.assertEqual(empty.state, "draft")

    def test_unscored_survey_refused(self):
        unscored = self.survey.copy({"scoring_type": "no_scoring"})
        with self.assertRaises(ValidationError):
            self._create_diagnostic(survey_id=unscored.id)

    def test_threshold_range(self):
        for threshold in (0, -5, 101):
            with self.assertRaisesDatabase():
                self._create_diagnostic(deficit_threshold=threshold)

    def test_close_computes_exact_scores_per_competence(self):
        diagnostic = self._closed_diagnostic()
        self.assertEqual(diagnostic.state, "closed")
        results = self._results(diagnostic)
        irina, anna = self.presenter, self.listener
        self.assertEqual(
            results,
            {
                (irina, self.comp_a): (50.0, True),
                (irina, self.comp_b): (60.0, False),  # exactly the threshold: no deficit
                (irina, self.comp_c): (100.0, False),
                (anna, self.comp_a): (100.0, False),
                (anna, self.comp_b): (0.0, True),
                (anna, self.comp_c): (0.0, True),
            },
        )
        result = self.Result.search(
            [("diagnostic_id", "=", diagnostic.id), ("partner_id", "=", irina.id)], limit=1
        )
        self.assertEqual(result.organization_id, self.executor)
        self.assertEqual(result.school_year_id, self.year)
        self.assertIn(result.area_id, self.area | self.comp_c)
        by_competence = {
            r.competence_id: r.area_id
            for r in self.Result.search([("diagnostic_id", "=", diagnostic.id)])
        }
        self.assertEqual(by_competence[self.comp_a], self.area)
        self.assertEqual(by_competence[self.comp_c], self.comp_c)
        self.assertEqual(diagnostic.deficit_teacher_count, 2)
        self.assertEqual(diagnostic.answered_count, 2)

    def test_scores_agree_with_survey_scoring(self):
        """The competences' points add up to survey's own total of the answer."""
        diagnostic = self._create_diagnostic()
        diagnostic.action_start()
        answer = self._answer(diagnostic, self.presenter, q1=1, q2=(0, 1, 2), q3=2, q4=10)
        diagnostic.action_close()
        results = self._results(diagnostic)
        # A: (1 + 1 + 1 - 1) / 4 = 50 %, B: 5/5, C: 4/4; survey: 11 / 13
        self.assertEqual(results[(self.presenter, self.comp_a)], (50.0, True))
        self.assertEqual(results[(self.presenter, self.comp_b)], (100.0, False))
        self.assertEqual(results[(self.presenter, self.comp_c)], (100.0, False))
        self.assertEqual(answer.scoring_total, 11)
        self.assertAlmostEqual(answer.scoring_percentage, 84.62)

    def test_threshold_boundary(self):
        """60 % is no deficit under a 60 % threshold, a deficit under 60.5 %."""
        diagnostic = self._create_diagnostic(deficit_threshold=60.5)
        diagnostic.action_start()
        self._answer(diagnostic, self.presenter, q1=2, q2=(0, 1), q3=1, q4=10)
        diagnostic.action_close()
        self.assertEqual(self._results(diagnostic)[(self.presenter, self.comp_b)], (60.0, True))

    def test_unfinished_and_test_answers_do_not_count(self):
        diagnostic = self._create_diagnostic()
        diagnostic.action_start()
        self._answer(diagnostic, self.presenter, q1=0, done=False)
        test_entry = self.survey._create_answer(
            partner=self.presenter_2, test_entry=True, network_diagnostic_id=diagnostic.id
        )
        test_entry._save_lines(self.q1, self._choice(self.q1, 0).id)
        test_entry._mark_done()
        self._answer(diagnostic, self.listener, q1=2, q2=(0, 1), q3=2, q4=10)
        diagnostic.action_close()
        results = self._results(diagnostic)
        self.assertEqual({partner for partner, _c in results}, {self.listener})
        self.assertEqual(
            results,
            {
                (self.listener, self.comp_a): (100.0, False),
                (self.listener, self.comp_b): (100.0, False),
                (self.listener, self.comp_c): (100.0, False),
            },
        )

    def test_close_refused(self):
        draft = self._create_diagnostic()
        with self.assertRaises(UserError):
            draft.action_close()
        self.assertEqual(draft.state, "draft")
        closed = self._closed_diagnostic()
        count = len(closed.result_ids)
        with self.assertRaises(UserError):
            closed.action_close()
        self.assertEqual(len(closed.result_ids), count)

    def test_reset_to_draft_only_before_answers(self):
        diagnostic = self._create_diagnostic()
        diagnostic.action_start()
        diagnostic.action_reset_draft()
        self.assertEqual(diagnostic.state, "draft")
        self.assertFalse(diagnostic.answer_ids)
        diagnostic.action_start()
        self._answer(diagnostic, self.presenter, q1=1)
        with self.assertRaises(UserError):
            diagnostic.action_reset_draft()
        self.assertEqual(diagnostic.state, "running")

    def test_coordinator_participation(self):
        diagnostic = self._create_diagnostic()
        diagnostic.action_start()
        self._answer(diagnostic, self.presenter, q1=1)
        participation = diagnostic._participation(self.executor)
        self.assertEqual(participation.partner_id, self.executor.child_ids.filtered("is_teacher"))
        self.assertEqual(
            participation.filtered(lambda a: a.state == "done").partner_id, self.presenter
        )
        self.assertFalse(participation.partner_id & self.applicant.child_ids)

    def test_uncovered_competences(self):
        diagnostic = self._closed_diagnostic()
        self.assertEqual(
            diagnostic._uncovered_competences(), self.comp_a | self.comp_b | self.comp_c
        )
        self.offer.competence_ids = self.comp_b
        self.assertEqual(diagnostic._uncovered_competences(), self.comp_a | self.comp_c)

    def test_file_needs_of_uncovered_deficits(self):
        diagnostic = self._closed_diagnostic()  # Irina (executor): A; Anna (applicant): B, C
        self.offer.competence_ids = self.comp_b
        diagnostic.action_file_needs()
        needs = self.env["network.need"].search([("diagnostic_id", "=", diagnostic.id)])
        self.assertEqual(
            {(need.requester_id, need.competence_id) for need in needs},
            {(self.executor, self.comp_a), (self.applicant, self.comp_c)},
        )
        self.assertEqual(set(needs.mapped("state")), {"open"})
        self.assertEqual(set(needs.mapped("audience")), {"teachers"})
        self.assertIn(diagnostic.name, needs[0].description)
        # filing again adds nothing while those needs are open
        result = diagnostic.action_file_needs()
        self.assertEqual(result["params"]["type"], "info")
        self.assertEqual(
            self.env["network.need"].search_count([("diagnostic_id", "=", diagnostic.id)]), 2
        )
        # once every deficit is developed by a published offer, nothing is filed
        needs.action_close()
        self.offer.competence_ids = self.comp_a | self.comp_b | self.comp_c
        self.assertFalse(diagnostic._file_needs())

    def test_file_needs_refused_to_the_department(self):
        diagnostic = self._closed_diagnostic()
        department = self._create_user(
            "dev_department", "network_methodology.group_network_department"
        )
        with self.assertRaises(AccessError):
            diagnostic.with_user(department).action_file_needs()
        self.assertFalse(self.env["network.need"].search([("diagnostic_id", "=", diagnostic.id)]))
