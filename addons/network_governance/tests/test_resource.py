from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import GovernanceTestCommon


@tagged("post_install", "-at_install")
class TestResourceRequest(GovernanceTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.resource = cls._create_resource(cls.executor, name="Robotics laboratory")

    def _request(self, resource=None, requester=None, **vals):
        return self.env["network.resource.request"].create(
            {
                "requester_id": (requester or self.applicant).id,
                "resource_id": (resource or self.resource).id,
                "purpose": "A workshop",
                **vals,
            }
        )

    def _in_state(self, state):
        request = self._request(resource=self._create_resource())
        if state == "draft":
            return request
        if state == "cancelled":
            request.action_cancel()
            return request
        request.action_submit()
        if state == "rejected":
            request.action_reject("No room")
        elif state in ("accepted", "done"):
            request.action_accept()
            if state == "done":
                request.action_done()
        return request

    def test_numbered_and_provider_from_the_resource(self):
        requests = self._request() | self._request(requester=self.third_org)
        self.assertTrue(all(r.name.startswith("RES/") for r in requests))
        self.assertEqual(len(set(requests.mapped("name"))), 2)
        self.assertEqual(requests.provider_id, self.executor)
        self.assertEqual(requests[0].resource_kind, "material_technical")

    def test_happy_path(self):
        request = self._request()
        request.action_submit()
        self.assertEqual(request.state, "submitted")
        request.action_accept()
        self.assertEqual(request.state, "accepted")
        self.assertEqual(request.date_accepted, fields.Date.context_today(request))
        request.action_done()
        self.assertEqual(request.state, "done")

    def test_each_forbidden_transition(self):
        allowed = {
            "action_submit": {"draft"},
            "action_accept": {"submitted"},
            "action_reject": {"submitted", "accepted"},
            "action_done": {"accepted"},
            "action_cancel": {"draft", "submitted", "accepted"},
        }
        states = ("draft", "submitted", "accepted", "done", "rejected", "cancelled")
        for method, from_states in allowed.items():
            for state in set(states) - from_states:
                with self.subTest(method=method, state=state):
                    request = self._in_state(state)
                    args = ("Reason",) if method == "action_reject" else ()
                    with self.assertRaisesRegex(UserError, "cannot be"):
                        getattr(request, method)(*args)
                    self.assertEqual(request.state, state)

    def test_bad_input(self):
        request = self._request()
        request.action_submit()
        for reason in (None, "", "  "):
            with self.subTest(reason=reason), self.assertRaisesRegex(UserError, "reason"):
                request.action_reject(reason)
        self.assertEqual(request.state, "submitted")
        with self.assertRaisesRegex(ValidationError, "own resource"), self.env.cr.savepoint():
            self._request(requester=self.executor)
        with self.assertRaisesDatabase():
            self._request(participants=0)
        with self.assertRaisesDatabase():
            self._request(
                requester=self.third_org,
                date_from=fields.Date.today(),
                date_to=fields.Date.today() - timedelta(days=1),
            )

    def test_one_pending_request_per_applicant_and_resource(self):
        first = self._request()
        with self.assertRaisesDatabase():
            self._request()
        first.action_submit()
        first.action_reject("Busy")
        self._request()  # a rejected one is no longer pending

    def test_an_unavailable_resource_is_not_requested(self):
        request = self._request()
        self.resource.is_available = False
        with self.assertRaisesRegex(UserError, "not available"):
            request.action_submit()
        self.assertEqual(request.state, "draft")

    def test_delete_only_unfiled(self):
        self._in_state("draft").unlink()
        self._in_state("cancelled").unlink()
        for state in ("submitted", "accepted", "done", "rejected"):
            with self.subTest(state=state), self.assertRaisesRegex(UserError, "Only draft"):
                self._in_state(state).unlink()

    def test_reason_wizard_rejects(self):
        request = self._request()
        request.action_submit()
        self.env["network.reason.wizard"].with_context(
            active_model="network.resource.request", active_ids=request.ids
        ).create({"reason": "The room is closed"}).action_confirm()
        self.assertEqual(
            (request.state, request.rejection_reason), ("rejected", "The room is closed")
        )


@tagged("post_install", "-at_install")
class TestResourceRequestPortalValues(GovernanceTestCommon):
    """What the portal form posts is text, checked by the model before anything is stored."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.resource = cls._create_resource(cls.executor)
        cls.today = fields.Date.context_today(cls.env["network.resource.request"])

    def _prepare(self, organization=None, **post):
        values = {
            "resource_id": str(self.resource.id),
            "participants": "12",
            "date_from": str(self.today + timedelta(days=10)),
            "date_to": str(self.today + timedelta(days=11)),
            "purpose": "  A robotics workshop\x00 ",
            **post,
        }
        return self.env["network.resource.request"]._portal_prepare_values(
            values, organization or self.applicant
        )

    def test_good_input(self):
        values, errors = self._prepare()
        self.assertEqual(errors, {})
        self.assertEqual(values["purpose"], "A robotics workshop")
        self.assertEqual(values["participants"], 12)
        self.assertEqual(values["requester_id"], self.applicant.id)
        request = self.env["network.resource.request"].create(values)
        self.assertEqual(request.provider_id, self.executor)

    def test_bad_input_per_field(self):
        far = str(self.today + timedelta(days=800))
        cases = [
            ({"participants": "0"}, "participants"),
            ({"participants": "abc"}, "participants"),
            ({"participants": "501"}, "participants"),
            ({"date_from": "yesterday"}, "date_from"),
            ({"date_from": str(self.today - timedelta(days=1))}, "date_from"),
            ({"date_to": far}, "date_to"),
            (
                {
                    "date_from": str(self.today + timedelta(days=5)),
                    "date_to": str(self.today + timedelta(days=4)),
                },
                "date_to",
            ),
            ({"purpose": "   "}, "purpose"),
            ({"purpose": "x" * 5001}, "purpose"),
            ({"resource_id": "0"}, "resource_id"),
            ({"resource_id": "999999999"}, "resource_id"),
        ]
        for post, field in cases:
            with self.subTest(post=post):
                _values, errors = self._prepare(**post)
                self.assertIn(field, errors)
        # an organization does not request its own resource, nor an unavailable one
        self.assertIn("resource_id", self._prepare(organization=self.executor)[1])
        hidden = self._create_resource(self.third_org, is_available=False)
        self.assertIn("resource_id", self._prepare(resource_id=str(hidden.id))[1])

    def test_pending_request_reported_on_the_form(self):
        values, _errors = self._prepare()
        self.env["network.resource.request"].create(values)
        self.assertIn("resource_id", self._prepare()[1])
