from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import NetworkTestCommon

STATES = ("draft", "submitted", "approved", "rejected")


@tagged("post_install", "-at_install")
class TestMaterial(NetworkTestCommon):
    def _material_in_state(self, state):
        material = self._create_material()
        if state != "draft":
            material.action_submit()
        if state == "approved":
            material.action_approve()
        elif state == "rejected":
            material.action_reject("Incomplete")
        self.assertEqual(material.state, state)
        return material

    def test_submit_approve(self):
        material = self._create_material()
        self.assertIs(material.action_submit(), True)
        self.assertEqual(material.state, "submitted")
        self.assertIs(material.action_approve("Good work"), True)
        self.assertEqual(material.state, "approved")
        self.assertEqual(material.reviewer_id, self.env.user)
        self.assertEqual(material.review_note, "Good work")

    def test_reject_and_reset(self):
        material = self._material_in_state("submitted")
        self.assertIs(material.action_reject("Missing the lesson plan"), True)
        self.assertEqual(material.state, "rejected")
        self.assertEqual(material.review_note, "Missing the lesson plan")
        self.assertIs(material.action_reset_to_draft(), True)
        self.assertEqual(material.state, "draft")
        material.action_submit()
        self.assertEqual(material.state, "submitted")

    def test_submit_needs_file_and_author(self):
        without_file = self._create_material(with_file=False)
        without_author = self._create_material(authors=self.env["res.partner"])
        for material in (without_file, without_author):
            with self.assertRaises(ValidationError):
                material.action_submit()
            self.assertEqual(material.state, "draft")

    def test_authors_must_be_teachers(self):
        with self.assertRaises(ValidationError):
            self._create_material(authors=self.executor)
        material = self._create_material()
        with self.assertRaises(ValidationError):
            material.author_ids = [Command.link(self.applicant.id)]

    def test_out_of_order_transitions_refused(self):
        allowed = {
            "action_submit": {"draft"},
            "action_approve": {"submitted"},
            "action_reject": {"submitted"},
            "action_reset_to_draft": {"rejected"},
        }
        materials = {state: self._material_in_state(state) for state in STATES}
        for action, sources in allowed.items():
            for state in set(STATES) - sources:
                with self.subTest(action=action, state=state):
                    material = materials[state]
                    with self.assertRaises(UserError):
                        getattr(material, action)()
                    self.assertEqual(material.state, state)

    def test_unlink(self):
        for state in STATES:
            with self.subTest(state=state):
                material = self._material_in_state(state)
                if state in ("draft", "rejected"):
                    material.unlink()
                    self.assertFalse(material.exists())
                else:
                    with self.assertRaises(UserError):
                        material.unlink()
                    self.assertTrue(material.exists())

    def test_event_fills_organization_and_date(self):
        event = self._create_event()
        with Form(self.env["network.material"]) as form:
            form.name = "Workshop handout"
            form.event_id = event
            self.assertEqual(form.organization_id, self.executor)
            self.assertEqual(form.date, self.past_begin.date())
        material = form.record
        self.assertEqual(material.school_year_id, self.year)
