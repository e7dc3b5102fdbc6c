from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import ExpertiseTestCommon


@tagged("post_install", "-at_install")
class TestExpertise(ExpertiseTestCommon):
    def test_criteria_per_material_type(self):
        expertise = self._assign(self.expert_appl)
        self.assertEqual(expertise._criteria(), self.crit_general | self.crit_assessment)
        video = self._submitted_material(material_type="lesson_video")
        self.assertEqual(
            self._assign(self.expert_appl, video)._criteria(), self.crit_general | self.crit_video
        )
        with self.assertRaises(ValidationError):
            self.env["network.expertise.criterion"].create(
                {"name": "Bad", "material_types": "assessment, poem"}
            )
        with self.assertRaisesDatabase():
            self.env["network.expertise.criterion"].create({"name": "Zero", "max_score": 0})

    def test_happy_path_and_average(self):
        first = self._score(self._assign(self.expert_appl), general=5, assessment=3)
        second = self._score(self._assign(self.methodist.partner_id), general=3, assessment=1)
        self.assertEqual(first.total_score, 8)
        self.assertEqual(first.max_total_score, 8)
        self.assertIs(first.action_done(), True)
        self.assertEqual(first.state, "done")
        self.assertEqual(first.date_done, self.today)
        self.assertEqual(self.material.expertise_done_count, 1)
        second.action_done()
        self.assertEqual(self.material.expertise_done_count, 2)
        self.assertEqual(self.material.expertise_score, 6.0)

    def test_conflict_of_interest_refused(self):
        colleague = self._create_teacher(self.executor, "Colleague of the author")
        for expert in (self.presenter, colleague):
            with self.subTest(expert=expert.name), self.assertRaises(ValidationError):
                self._assign(expert)
        # an author's organization counts even when the material names another one
        material = self._submitted_material(
            authors=self.presenter | self._create_teacher(self.executor)
        )
        with self.assertRaises(ValidationError):
            self._assign(colleague, material)
        self.assertFalse(self.Expertise.search([("material_id", "=", self.material.id)]))

    def test_expert_must_be_methodist_or_network_teacher(self):
        outsider = self.env["res.partner"].create({"name": "Someone"})
        with self.assertRaises(ValidationError):
            self._assign(outsider)
        self.assertTrue(self._assign(self.methodist.partner_id))

    def test_one_open_expertise_per_expert(self):
        first = self._assign(self.expert_appl)
        with self.assertRaises(ValidationError):
            self._assign(self.expert_appl)
        first.action_cancel()
        self.assertEqual(self._assign(self.expert_appl).state, "assigned")

    def test_only_submitted_materials(self):
        draft = self._create_material()
        with self.assertRaises(UserError):
            self._assign(self.expert_appl, draft)

    def test_score_bounds(self):
        expertise = self._assign(self.expert_appl)
        with self.assertRaises(ValidationError):
            expertise.score_ids = [
                Command.create({"criterion_id": self.crit_general.id, "score": 6})
            ]
        self.assertFalse(expertise.score_ids)
        with self.assertRaisesDatabase():
            expertise.score_ids = [
                Command.create({"criterion_id": self.crit_general.id, "score": -1})
            ]
        self._score(expertise, general=5, assessment=3)
        with self.assertRaises(ValidationError):
            expertise.score_ids[1].score = 4
        self.assertEqual(expertise.total_score, 8)

    def test_done_needs_every_criterion_and_recommendation(self):
        expertise = self._assign(self.expert_appl)
        expertise.write(
            {
                "score_ids": [Command.create({"criterion_id": self.crit_general.id, "score": 3})],
                "recommendation": "publish",
            }
        )
        with self.assertRaises(ValidationError):
            expertise.action_done()
        self.assertEqual(expertise.state, "assigned")
        expertise.score_ids = [
            Command.create({"criterion_id": self.crit_assessment.id, "score": 0})
        ]
        expertise.recommendation = False
        with self.assertRaises(ValidationError):
            expertise.action_done()
        self.assertEqual(expertise.state, "assigned")
        expertise.recommendation = "revise"
        expertise.action_done()
        self.assertEqual(expertise.state, "done")

    def test_forbidden_transitions(self):
        done = self._score(self._assign(self.expert_appl))
        done.action_done()
        cancelled = self._assign(self.expert_third)
        cancelled.action_cancel()
        for expertise in (done, cancelled):
            state = expertise.state
            for action in ("action_done", "action_cancel"):
                with self.subTest(state=state, action=action), self.assertRaises(UserError):
                    getattr(expertise, action)()
                self.assertEqual(expertise.state, state)

    def test_done_refused_once_material_reviewed(self):
        expertise = self._score(self._assign(self.expert_appl))
        self.material.action_reject("Incomplete")
        with self.assertRaises(UserError):
            expertise.action_done()
        self.assertEqual(expertise.state, "assigned")

    def test_approval_minimum(self):
        self.assertEqual(self.env.company.network_expertise_min_done, 2)
        first = self._score(self._assign(self.expert_appl))
        first.action_done()
        with self.assertRaises(UserError):
            self.material.action_approve()
        self.assertEqual(self.material.state, "submitted")
        # an expertise in progress does not count
        second = self._score(self._assign(self.expert_third))
        with self.assertRaises(UserError):
            self.material.action_approve()
        second.action_done()
        self.assertIs(self.material.action_approve("Рекомендовано"), True)
        self.assertEqual(self.material.state, "approved")

    def test_approval_minimum_setting(self):
        settings = self.env["res.config.settings"].create({"network_expertise_min_done": 0})
        settings.execute()
        self.assertEqual(self.env.company.network_expertise_min_done, 0)
        self.material.action_approve()
        self.assertEqual(self.material.state, "approved")
        # rejection never needs expertise
        self.env.company.network_expertise_min_done = 2
        other = self._submitted_material()
        other.action_reject("Incomplete")
        self.assertEqual(other.state, "rejected")

    def test_results_for_authors(self):
        expertise = self._score(self._assign(self.expert_appl), recommendation="revise")
        self.assertEqual(self.material._expertise_results(), [])
        expertise.action_done()
        (result,) = self.material._expertise_results()
        self.assertFalse(result["expert"])
        self.assertEqual(result["total_score"], 6)
        self.assertEqual(result["comment"], "Хороший материал")
        self.assertTrue(result["recommendation"])
        self.env.company.network_expertise_anonymous = False
        (result,) = self.material._expertise_results()
        self.assertEqual(result["expert"], self.expert_appl.name)

    def test_portal_prepare_values(self):
        expertise = self._assign(self.expert_appl)
        general, assessment = f"score_{self.crit_general.id}", f"score_{self.crit_assessment.id}"
        bad_inputs = {
            general: {general: "6", assessment: "1"},
            assessment: {general: "1", assessment: "-1"},
        }
        for field, post in bad_inputs.items():
            values, errors = expertise._portal_prepare_values(post)
            self.assertIn(field, errors)
        values, errors = expertise._portal_prepare_values(
            {general: "x", assessment: "", "recommendation": "maybe"}
        )
        self.assertEqual(set(errors), {general, assessment, "recommendation"})
        values, errors = expertise._portal_prepare_values(
            {general: "5", assessment: "0", "recommendation": "publish", "comment": " Да "}
        )
        self.assertEqual(errors, {})
        expertise.write(values)
        self.assertEqual(expertise.total_score, 5)
        self.assertEqual(expertise.comment, "Да")
        # saving again updates the same lines
        values, errors = expertise._portal_prepare_values({general: "4", assessment: "3"})
        expertise.write(values)
        self.assertEqual(len(expertise.score_ids), 2)
        self.assertEqual(expertise.total_score, 7)
