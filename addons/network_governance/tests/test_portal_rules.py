from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .portal_common import GovernancePortalCommon


@tagged("post_install", "-at_install")
class TestGovernancePortalRules(GovernancePortalCommon):
    """What each portal user reads through the ORM (the same as over JSON-RPC), whatever page
    they open: a council, its members, meetings, agenda and minutes for its members only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.meeting = cls._ready_minutes(cls._held_meeting())
        cls.meeting.action_approve()
        cls.other_meeting = cls._create_meeting(cls.other_council)
        cls.order_draft = cls._create_order()
        cls.order_in_force = cls._create_order(name="1")
        cls.order_cancelled = cls._create_order(name="2")
        (cls.order_in_force | cls.order_cancelled).sudo().action_put_in_force()
        cls.order_cancelled.sudo().action_cancel("Replaced")
        cls.resource_exec = cls._create_resource(cls.executor)
        cls.resource_exec_hidden = cls._create_resource(cls.executor, is_available=False)
        cls.resource_third_hidden = cls._create_resource(cls.third_org, is_available=False)
        cls.resource_third = cls._create_resource(cls.third_org)
        cls.request_appl = cls.env["network.resource.request"].create(
            {
                "requester_id": cls.applicant.id,
                "resource_id": cls.resource_exec.id,
                "purpose": "Use",
            }
        )
        cls.request_third = cls.env["network.resource.request"].create(
            {
                "requester_id": cls.executor.id,
                "resource_id": cls.resource_third.id,
                "purpose": "Use",
            }
        )
        cls.line = cls.env["network.project.roadmap.line"].create(
            {"project_id": cls.project.id, "name": "Activity", "date_deadline": date(1991, 3, 1)}
        )
        cls.direction = cls._create_direction()

    def _visible(self, user, records):
        return records.with_user(user).search([("id", "in", records.ids)])

    def test_council_members_read_their_councils(self):
        councils = self.council | self.other_council
        meetings = self.meeting | self.other_meeting
        for user in (self.coordinator_exec, self.teacher_user):
            with self.subTest(user=user.login):
                self.assertEqual(self._visible(user, councils), self.council)
                self.assertEqual(self._visible(user, meetings), self.meeting)
                self.assertEqual(self._visible(user, councils.member_ids), self.council.member_ids)
                self.assertEqual(
                    self._visible(user, meetings.agenda_line_ids), self.meeting.agenda_line_ids
                )
                minutes = self.meeting.with_user(user).read(["minutes", "minutes_number"])[0]
                self.assertIn("Heard and decided", minutes["minutes"])

    def test_others_read_no_council(self):
        councils = self.council | self.other_council
        meetings = self.meeting | self.other_meeting
        for user in (self.coordinator_appl, self.stranger):
            with self.subTest(user=user.login):
                self.assertFalse(self._visible(user, councils))
                self.assertFalse(self._visible(user, meetings))
                self.assertFalse(self._visible(user, meetings.agenda_line_ids))
                self.assertFalse(self._visible(user, councils.member_ids))
                with self.assertRaises(AccessError):
                    self.meeting.with_user(user).read(["minutes"])
        # a colleague of a member is not a member: the rule is the person's
        colleague = self._create_coordinator("gov_colleague", self.executor, "Colleague")
        self.assertFalse(self._visible(colleague, meetings))
        with self.assertRaises(AccessError):
            self.env["network.council"].with_user(self.internal).search([])

    def test_membership_ends_access(self):
        membership = self.council.member_ids.filtered(
            lambda m: m.partner_id == self.coordinator_exec.partner_id
        )
        membership.unlink()
        self.assertFalse(self._visible(self.coordinator_exec, self.meeting))

    def test_portal_users_change_nothing(self):
        for record, values in (
            (self._create_meeting(), {"location": "Hacked"}),
            (self.council, {"name": "Hacked"}),
            (self.order_in_force, {"description": "Hacked"}),
            (self.resource_exec, {"name": "Hacked"}),
            (self.request_appl, {"purpose": "Hacked"}),
        ):
            with self.subTest(model=record._name), self.assertRaises(AccessError):
                record.with_user(self.coordinator_exec).write(values)
        # a member does not approve the minutes through the ORM either
        held = self._ready_minutes(self._held_meeting())
        for method in ("action_approve", "action_hold", "action_cancel"):
            with self.subTest(method=method), self.assertRaises(UserError):
                getattr(held.with_user(self.coordinator_exec), method)()
        with self.assertRaises(AccessError):
            held.with_user(self.coordinator_exec).action_approve()
        self.assertEqual((held.state, held.minutes_number), ("held", False))
        with self.assertRaises(AccessError):
            self.env["network.council.member"].with_user(self.coordinator_appl).create(
                {"council_id": self.council.id, "partner_id": self.coordinator_appl.partner_id.id}
            )
        with self.assertRaises(AccessError):
            self.env["network.resource.request"].with_user(self.coordinator_appl).create(
                {
                    "requester_id": self.applicant.id,
                    "resource_id": self.resource_third.id,
                    "purpose": "x",
                }
            )

    def test_documents_in_force_or_cancelled(self):
        orders = self.order_draft | self.order_in_force | self.order_cancelled
        for user in (self.coordinator_exec, self.coordinator_appl, self.teacher_user):
            with self.subTest(user=user.login):
                self.assertEqual(
                    self._visible(user, orders), self.order_in_force | self.order_cancelled
                )
        self.assertFalse(self._visible(self.stranger, orders))

    def test_resources_available_and_own(self):
        resources = (
            self.resource_exec
            | self.resource_exec_hidden
            | self.resource_third
            | self.resource_third_hidden
        )
        available = self.resource_exec | self.resource_third
        self.assertEqual(
            self._visible(self.coordinator_exec, resources), available | self.resource_exec_hidden
        )
        self.assertEqual(self._visible(self.coordinator_appl, resources), available)
        self.assertEqual(self._visible(self.teacher_user, resources), available)
        self.assertFalse(self._visible(self.stranger, resources))

    def test_resource_requests_made_or_received(self):
        requests = self.request_appl | self.request_third
        self.assertEqual(self._visible(self.coordinator_exec, requests), requests)
        self.assertEqual(self._visible(self.coordinator_appl, requests), self.request_appl)
        self.assertFalse(self._visible(self.teacher_user, requests))
        self.assertFalse(self._visible(self.stranger, requests))

    def test_road_map_and_directions_for_members(self):
        for user in (self.coordinator_exec, self.teacher_user):
            with self.subTest(user=user.login):
                self.assertEqual(self._visible(user, self.line), self.line)
                self.assertEqual(self._visible(user, self.direction), self.direction)
        self.assertFalse(self._visible(self.stranger, self.line))
        self.assertFalse(self._visible(self.stranger, self.direction))
        with self.assertRaises(AccessError):
            self.line.with_user(self.coordinator_exec).write({"is_done": True})
        self.line.invalidate_recordset()
        self.assertFalse(self.line.is_done)

    def test_membership_change_clears_cached_rules(self):
        self.other_council.member_ids = [
            Command.create({"partner_id": self.coordinator_appl.partner_id.id})
        ]
        self.assertEqual(
            self._visible(self.coordinator_appl, self.other_meeting), self.other_meeting
        )
