from odoo import Command

from .common import DevelopmentTestCommon


class TestFeedback(DevelopmentTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.feedback = cls._feedback_survey("Company feedback")
        cls.offer_feedback = cls._feedback_survey("Offer feedback")
        cls.env.company.network_feedback_survey_id = cls.feedback
        cls.env.company.network_feedback_threshold = 60.0

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

    def _send_feedback(self):
        self.env["event.event"]._cron_network_send_feedback()

    def _rate(self, event, teacher, score):
        answer = event.network_feedback_input_ids.filtered(lambda a: a.partner_id == teacher)
        self.assertEqual(len(answer), 1)
        question = answer.survey_id.question_ids
        choice = question.suggested_answer_ids.filtered(lambda c: c.answer_score == score)
        answer._save_lines(question, choice.id)
        answer._mark_done()
        return answer

    def test_feedback_sent_after_tokens_and_averaged(self):
        event = self._create_event(offer_id=self.offer.id)
        self.assertEqual(event.network_feedback_survey_id, self.feedback)
        self._register(event, self.listener | self.listener_2)
        event._issue_tokens()
        self.assertFalse(event.network_feedback_input_ids)  # sent by the cron it triggered
        self._send_feedback()
        answers = event.network_feedback_input_ids
        # listeners only, not the presenter
        self.assertEqual(answers.partner_id, self.listener | self.listener_2)
        self.assertEqual(answers.survey_id, self.feedback)
        # issuing again sends nothing new
        event._issue_tokens()
        self._send_feedback()
        self.assertEqual(event.network_feedback_input_ids, answers)
        self._rate(event, self.listener, 4)  # 100 %
        self._rate(event, self.listener_2, 3)  # 75 %
        event.invalidate_recordset(["feedback_score", "feedback_count"])
        self.assertEqual(event.feedback_count, 2)
        self.assertAlmostEqual(event.feedback_score, 87.5)
        # a second event of the offer: 25 %
        second = self._create_event(offer_id=self.offer.id)
        self._register(second, self.listener)
        second._issue_tokens()
        self._send_feedback()
        self._rate(second, self.listener, 1)
        self.offer.invalidate_recordset(["feedback_score", "feedback_count"])
        self.assertEqual(self.offer.feedback_count, 3)
        self.assertAlmostEqual(self.offer.feedback_score, (100 + 75 + 25) / 3, places=1)

    def test_offer_survey_replaces_company_default(self):
        self.offer.feedback_survey_id = self.offer_feedback
        event = self._create_event(offer_id=self.offer.id)
        self.assertEqual(event.network_feedback_survey_id, self.offer_feedback)
        self._register(event, self.listener)
        event._issue_tokens()
        self._send_feedback()
        self.assertEqual(event.network_feedback_input_ids.survey_id, self.offer_feedback)

    def test_no_survey_no_feedback(self):
        self.env.company.network_feedback_survey_id = False
        event = self._create_event()
        self._register(event, self.listener)
        event._issue_tokens()
        self._send_feedback()
        self.assertFalse(event.network_feedback_input_ids)
        self.assertTrue(event.network_feedback_sent)

    def test_low_score_raises_one_activity(self):
        activity_type = self.env.ref("network_development.mail_activity_type_low_feedback")
        event = self._create_event(user_id=self.methodist.id)
        self._register(event, self.listener | self.listener_2)
        event._issue_tokens()
        self._send_feedback()
        self._rate(event, self.listener, 3)  # 75 %: fine
        self.assertFalse(event.activity_ids.filtered(lambda a: a.activity_type_id == activity_type))
        self._rate(event, self.listener_2, 0)  # average 37.5 %
        activity = event.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.methodist)
