"""Shared set-up of the network_development tests: competences, a real scored Odoo survey whose
questions measure them, and a helper answering it through survey's own API. Organizations and
teachers are those of network_methodology's tests (the executor school: Irina, Oleg, young Vera;
the applicant kindergarten: Anna, young Gleb; the third school: Boris)."""

from datetime import timedelta

from odoo import Command, fields

from odoo.addons.network_community.tests.common import CommunityTestCommon


class DevelopmentTestCommon(CommunityTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Diagnostic = cls.env["network.diagnostic"]
        cls.Result = cls.env["network.diagnostic.result"]
        cls.Route = cls.env["network.route"]
        Competence = cls.env["network.competence"]
        cls.area = Competence.create({"name": "Test methodical area", "code": "T_AREA"})
        cls.comp_a = Competence.create(
            {"name": "Test assessment", "code": "T_A", "parent_id": cls.area.id}
        )
        cls.comp_b = Competence.create(
            {"name": "Test planning", "code": "T_B", "parent_id": cls.area.id}
        )
        cls.comp_c = Competence.create({"name": "Test digital", "code": "T_C"})
        # A: q1 simple choice (0/1/2, max 2) + q2 multiple choice (1, 1, -1: max 2) -> max 4
        # B: q3 simple choice (0/3/5, max 5); C: q4 numerical box scored 4 when 10 -> max 4
        cls.survey = cls.env["survey.survey"].create(
            {
                "title": "Test diagnostic survey",
                "scoring_type": "scoring_without_answers",
                "access_mode": "token",
                "question_and_page_ids": [
                    cls._question("Q1", "simple_choice", cls.comp_a, [0, 1, 2]),
                    cls._question("Q2", "multiple_choice", cls.comp_a, [1, 1, -1]),
                    cls._question("Q3", "simple_choice", cls.comp_b, [0, 3, 5]),
                    Command.create(
                        {
                            "title": "Q4",
                            "question_type": "numerical_box",
                            "network_competence_id": cls.comp_c.id,
                            "answer_numerical_box": 10,
                            "is_scored_question": True,
                            "answer_score": 4,
                            "sequence": 4,
                        }
                    ),
                ],
            }
        )
        cls.q1, cls.q2, cls.q3, cls.q4 = cls.survey.question_ids.sorted("sequence")
        cls.deadline = fields.Date.context_today(cls.Diagnostic) + timedelta(days=14)

    @classmethod
    def _question(cls, title, kind, competence, scores):
        return Command.create(
            {
                "title": title,
                "question_type": kind,
                "network_competence_id": competence.id,
                "sequence": int(title[1:]),
                "suggested_answer_ids": [
                    Command.create({"value": f"{title} answer {i}", "answer_score": score})
                    for i, score in enumerate(scores)
                ],
            }
        )

    @classmethod
    def _create_diagnostic(cls, organizations=None, **vals):
        return cls.Diagnostic.create(
            {
                "name": f"Diagnostic {cls._uid_str()}",
                "survey_id": cls.survey.id,
                "school_year_id": cls.year.id,
                "organization_ids": [
                    Command.set((organizations or cls.executor | cls.applicant).ids)
                ],
                "deadline": cls.deadline,
                **vals,
            }
        )

    @staticmethod
    def _choice(question, index):
        return question.suggested_answer_ids.sorted("sequence")[index]

    def _answer(self, diagnostic, teacher, q1=None, q2=(), q3=None, q4=None, done=True):
        """Answer the teacher's invitation through survey's API: ``q1``/``q3`` the index of
        the choice, ``q2`` the indexes of the choices, ``q4`` a number."""
        user_input = diagnostic.answer_ids.filtered(lambda a: a.partner_id == teacher)
        self.assertEqual(len(user_input), 1, "one invitation per teacher")
        if q1 is not None:
            user_input._save_lines(self.q1, self._choice(self.q1, q1).id)
        if q2:
            user_input._save_lines(self.q2, [self._choice(self.q2, i).id for i in q2])
        if q3 is not None:
            user_input._save_lines(self.q3, self._choice(self.q3, q3).id)
        if q4 is not None:
            user_input._save_lines(self.q4, q4)
        if done:
            user_input._mark_done()
        return user_input

    def _results(self, diagnostic):
        """``{(teacher, competence): (score %, deficit)}``."""
        return {
            (r.partner_id, r.competence_id): (r.score_percent, r.is_deficit)
            for r in self.Result.search([("diagnostic_id", "=", diagnostic.id)])
        }

    def _closed_diagnostic(self):
        """Irina: A 50 % (deficit), B 60 % (the threshold: no deficit), C 100 %.
        Anna: A 100 %, B 0 % (deficit), C 0 % (deficit). Oleg, Vera, Gleb do not answer."""
        diagnostic = self._create_diagnostic()
        diagnostic.action_start()
        self._answer(diagnostic, self.presenter, q1=2, q2=(0, 2), q3=1, q4=10)
        self._answer(diagnostic, self.listener, q1=2, q2=(0, 1), q3=0, q4=3)
        diagnostic.action_close()
        return diagnostic

    @classmethod
    def _feedback_survey(cls, title):
        return cls.env["survey.survey"].create(
            {
                "title": title,
                "scoring_type": "scoring_without_answers",
                "access_mode": "token",
                "question_and_page_ids": [
                    Command.create(
                        {
                            "title": "How useful was the event?",
                            "question_type": "simple_choice",
                            "suggested_answer_ids": [
                                Command.create({"value": str(score), "answer_score": score})
                                for score in (0, 1, 2, 3, 4)
                            ],
                        }
                    )
                ],
            }
        )

    def _rate(self, event, teacher, score):
        answer = event.network_feedback_input_ids.filtered(lambda a: a.partner_id == teacher)
        self.assertEqual(len(answer), 1)
        question = answer.survey_id.question_ids
        choice = question.suggested_answer_ids.filtered(lambda c: c.answer_score == score)
        answer._save_lines(question, choice.id)
        answer._mark_done()
        return answer
