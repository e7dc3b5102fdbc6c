from datetime import datetime, timedelta

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from ..models.network_council_meeting import MINUTES_ACTIVITY, MINUTES_APPROVAL_DAYS
from .common import GovernanceTestCommon


@tagged("post_install", "-at_install")
class TestCouncil(GovernanceTestCommon):
    def test_members_and_officers(self):
        self.assertEqual(self.council.chair_id, self.chair)
        self.assertEqual(self.council.secretary_id, self.methodist.partner_id)
        self.assertEqual(self.council.member_count, 4)
        self.assertTrue(self.council.minutes_sequence_id)
        # the secretary has an internal account: reminders go to them
        self.assertEqual(self.council._reminder_user(), self.methodist)

    def test_one_chair_one_secretary_in_the_database(self):
        for role in ("chair", "secretary"):
            with self.subTest(role=role), self.assertRaisesDatabase():
                self.council.member_ids = [
                    Command.create({"partner_id": self.presenter_2.id, "role": role})
                ]
        with self.assertRaisesDatabase():
            self.council.member_ids = [Command.create({"partner_id": self.presenter.id})]
        # two councils each have their own chair
        other = self._create_council("Other", [(self.chair, "chair")])
        self.assertEqual(other.chair_id, self.chair)

    def test_reminders_go_to_the_responsible_without_secretary_account(self):
        council = self._create_council(
            "No secretary account",
            [(self.chair, "chair"), (self.presenter, "secretary")],
            user_id=self.manager.id,
        )
        self.assertEqual(council._reminder_user(), self.manager)

    def test_each_council_numbers_its_own_minutes(self):
        other = self._create_council("Other council", [(self.chair, "chair")])
        self.assertNotEqual(other.minutes_sequence_id, self.council.minutes_sequence_id)


@tagged("post_install", "-at_install")
class TestMeetingWorkflow(GovernanceTestCommon):
    def _assert_refused(self, meeting, method, message, *args):
        before = (meeting.state, meeting.minutes_number)
        with self.assertRaisesRegex(UserError, message):
            getattr(meeting, method)(*args)
        meeting.invalidate_recordset()
        self.assertEqual((meeting.state, meeting.minutes_number), before)

    def test_planned_held_approved(self):
        meeting = self._create_meeting(items=2)
        self.assertEqual(meeting.state, "planned")
        meeting.attendee_ids = self.members[:3]
        self.assertEqual((meeting.members_present, meeting.member_count), (3, 4))
        self.assertTrue(meeting.quorum_met)
        meeting.action_hold()
        self.assertEqual(meeting.state, "held")
        self._ready_minutes(meeting)
        meeting.action_approve()
        self.assertEqual(meeting.state, "approved")
        self.assertEqual(meeting.minutes_date, fields.Date.context_today(meeting))
        self.assertEqual(meeting.approved_by_id, self.env.user)
        self.assertTrue(meeting.minutes_number)
        self.assertIn(meeting.minutes_number, meeting.display_name)

    def test_numbers_follow_each_other_in_the_order_of_the_meetings(self):
        later = self._ready_minutes(self._held_meeting(date=datetime(1991, 4, 1, 9)))
        earlier = self._ready_minutes(self._held_meeting(date=datetime(1991, 3, 1, 9)))
        (later | earlier).action_approve()
        self.assertEqual(int(later.minutes_number), int(earlier.minutes_number) + 1)
        third = self._ready_minutes(self._held_meeting(date=datetime(1991, 5, 1, 9)))
        third.action_approve()
        self.assertEqual(int(third.minutes_number), int(later.minutes_number) + 1)

    def test_hold_refusals(self):
        meeting = self._create_meeting(attendee_ids=[Command.set(self.members[:2].ids)])
        # two of four members: no quorum (more than half must attend)
        self.assertFalse(meeting.quorum_met)
        self._assert_refused(meeting, "action_hold", "No quorum")
        # invited speakers do not count for the quorum
        meeting.attendee_ids |= self.presenter_2 | self.listener_2
        self._assert_refused(meeting, "action_hold", "No quorum")
        meeting.attendee_ids = self.members
        meeting.date = fields.Datetime.now() + timedelta(days=1)
        self._assert_refused(meeting, "action_hold", "has not begun yet")
        meeting.date = datetime(1991, 3, 1, 9)
        meeting.agenda_line_ids.unlink()
        self._assert_refused(meeting, "action_hold", "agenda .* is empty")
        empty_council = self._create_council("Empty council", [])
        lonely = self._create_meeting(empty_council)
        self._assert_refused(lonely, "action_hold", "No quorum")

    def test_approve_refusals(self):
        planned = self._ready_minutes(self._create_meeting())
        self._assert_refused(planned, "action_approve", "Only the minutes of a held meeting")
        meeting = self._held_meeting(items=2)
        self._assert_refused(meeting, "action_approve", "Write the minutes")
        meeting.minutes = "<p><br></p>"
        self._assert_refused(meeting, "action_approve", "Write the minutes")
        meeting.minutes = "<p>Minutes</p>"
        meeting.agenda_line_ids[0].decision = "Decided."
        self._assert_refused(meeting, "action_approve", "Record the decision on the item “Item 2”")
        meeting.agenda_line_ids[1].decision = "  "
        self._assert_refused(meeting, "action_approve", "Record the decision")
        meeting.agenda_line_ids[1].decision = "Decided."
        meeting.action_approve()
        number = meeting.minutes_number
        self._assert_refused(meeting, "action_approve", "Only the minutes of a held meeting")
        self.assertEqual(meeting.minutes_number, number)

    def test_cancel_and_plan_again(self):
        meeting = self._create_meeting()
        meeting.action_cancel()
        self.assertEqual(meeting.state, "cancelled")
        self._assert_refused(meeting, "action_cancel", "Only a planned meeting can be cancelled")
        self._assert_refused(meeting, "action_hold", "Only a planned meeting can be held")
        meeting.action_reset_to_planned()
        self.assertEqual(meeting.state, "planned")
        self._assert_refused(meeting, "action_reset_to_planned", "Only a held or cancelled meeting")
        held = self._held_meeting()
        self._assert_refused(held, "action_cancel", "Only a planned meeting can be cancelled")
        held.action_reset_to_planned()
        self.assertEqual(held.state, "planned")
        self.assertFalse(held.activity_ids)
        approved = self._ready_minutes(self._held_meeting())
        approved.action_approve()
        for method in ("action_cancel", "action_reset_to_planned", "action_hold"):
            with self.subTest(method=method):
                self._assert_refused(approved, method, "Only a")

    def test_approved_minutes_are_frozen(self):
        meeting = self._ready_minutes(self._held_meeting())
        meeting.action_approve()
        for values in (
            {"minutes": "<p>Other</p>"},
            {"date": datetime(1991, 3, 2, 9)},
            {"attendee_ids": [Command.clear()]},
            {"location": "Elsewhere"},
        ):
            with self.subTest(values=values), self.assertRaises(UserError):
                meeting.write(values)
        line = meeting.agenda_line_ids
        with self.assertRaises(UserError):
            line.decision = "Other decision"
        with self.assertRaises(UserError):
            line.unlink()
        with self.assertRaises(UserError):
            self.env["network.council.agenda.line"].create(
                {"meeting_id": meeting.id, "name": "Late item"}
            )
        # the signed scan comes after the approval
        meeting.write({"minutes_scan": "JVBERi0xLjQ=", "minutes_scan_filename": "minutes.pdf"})
        self.assertTrue(meeting.minutes_scan)
        with self.assertRaisesRegex(UserError, "took place"):
            meeting.unlink()

    def test_delete_only_what_did_not_take_place(self):
        planned = self._create_meeting()
        cancelled = self._create_meeting()
        cancelled.action_cancel()
        (planned | cancelled).unlink()
        held = self._held_meeting()
        with self.assertRaisesRegex(UserError, "took place"):
            held.unlink()


@tagged("post_install", "-at_install")
class TestMinutesReminders(GovernanceTestCommon):
    def _reminders(self, meetings):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "network.council.meeting"),
                ("res_id", "in", meetings.ids),
                ("activity_type_id", "=", self.env.ref(MINUTES_ACTIVITY).id),
            ]
        )

    def test_holding_reminds_the_secretary(self):
        meeting = self._held_meeting()
        reminder = self._reminders(meeting)
        self.assertEqual(len(reminder), 1)
        self.assertEqual(reminder.user_id, self.methodist)
        # the meeting was long ago: due today
        self.assertEqual(reminder.date_deadline, fields.Date.context_today(meeting))
        recent = self._held_meeting(date=fields.Datetime.now() - timedelta(hours=1))
        self.assertEqual(
            self._reminders(recent).date_deadline,
            fields.Datetime.now().date() + timedelta(days=MINUTES_APPROVAL_DAYS),
        )

    def test_approval_closes_the_reminder(self):
        meeting = self._ready_minutes(self._held_meeting())
        meeting.action_approve()
        self.assertFalse(self._reminders(meeting))
        self.assertTrue(
            any("Minutes approved" in body for body in meeting.message_ids.mapped("body"))
        )

    def test_daily_job_reminds_of_every_unapproved_minutes_once(self):
        meetings = self._held_meeting() | self._held_meeting()
        self._reminders(meetings).unlink()
        approved = self._ready_minutes(self._held_meeting())
        approved.action_approve()
        planned = self._create_meeting()
        Meeting = self.env["network.council.meeting"]
        Meeting._cron_remind_minutes()
        self.assertEqual(len(self._reminders(meetings)), 2)
        self.assertFalse(self._reminders(approved | planned))
        # run again: nothing new, one reminder per meeting
        Meeting._cron_remind_minutes()
        self.assertEqual(len(self._reminders(meetings)), 2)
