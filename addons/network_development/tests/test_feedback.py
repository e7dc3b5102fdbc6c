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

    def _send_feedback(self):
        self.env["event.event"]._cron_network_send_feedback()

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

    def test_feedback_per_executor_and_in_the_council_facts(self):
        event = self._create_event(offer_id=self.offer.id)  # hosted by the executor
        self._register(event, self.listener | self.listener_2)
        event._issue_tokens()
        self._send_feedback()
        self._rate(event, self.listener, 4)
        self._rate(event, self.listener_2, 2)
        other = self._create_event(host=self.applicant)
        self._register(other, self.listener)
        other._issue_tokens()
        self._send_feedback()
        self._rate(other, self.listener, 0)
        self.executor.invalidate_recordset(["network_feedback_score", "network_feedback_count"])
        self.assertEqual(self.executor.network_feedback_count, 2)
        self.assertAlmostEqual(self.executor.network_feedback_score, 75.0)
        self.assertEqual(self.applicant.network_feedback_count, 1)
        self.assertAlmostEqual(self.applicant.network_feedback_score, 0.0)
        # the council sees the year's rating next to the facts of rule 3.3.2
        decision = self.env["network.council.decision"].create(
            {
                "school_year_id": self.year.id,
                "line_ids": [Command.create({"organization_id": self.executor.id})],
            }
        )
        line = decision.line_ids
        self.assertEqual((line.feedback_count, line.feedback_score), (2, 75.0))
        # another school year's council sees none of it
        other_year = self._create_year(1995)
        self.assertFalse(
            self.env["survey.user_input"]._network_feedback_by_host(
                self.executor.ids, other_year.id
            )
        )
