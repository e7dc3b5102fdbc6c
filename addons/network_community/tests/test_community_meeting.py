from datetime import datetime, timedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import CommunityTestCommon


@tagged("post_install", "-at_install")
class TestCommunityMeeting(CommunityTestCommon):
    """Meetings are network events of the community: tokens on the members' cards as usual; the
    leader proposes, the methodist accepts or refuses; a closed community's meetings are for its
    members; products are materials of the community."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.city = cls._create_community(leader=cls.mentor)
        cls.city.action_join(cls.listener | cls.listener_2)
        cls.closed = cls._create_community("creative_team", leader=cls.presenter_2, is_open=False)

    def _future(self, days=10):
        return fields.Datetime.now().replace(microsecond=0) + timedelta(days=days)

    def _meeting_post(self, **values):
        day = fields.Date.context_today(self.city) + timedelta(days=14)
        return {
            "name": "Заседание ГМО",
            "event_form": "round_table",
            "date": day.isoformat(),
            "time": "15:30",
            "duration": "2",
            "description": "<b>Повестка</b>",
            **values,
        }

    def test_tokens_of_a_meeting_on_the_members_cards(self):
        meeting = self._create_meeting(self.city, presenter_ids=[(6, 0, self.mentor.ids)])
        self.assertEqual(meeting.community_id, self.city)
        self.assertIn(meeting, self.city.event_ids)
        self._register(meeting, self.listener | self.listener_2)
        tokens = meeting._issue_tokens()
        cards = {(t.partner_id, t.role) for t in tokens}
        self.assertEqual(
            cards,
            {
                (self.mentor, "presenter"),
                (self.listener, "listener"),
                (self.listener_2, "listener"),
            },
        )
        card = self.env["network.activity.token"].search([("partner_id", "=", self.listener.id)])
        self.assertIn(meeting, card.event_id)
        self.assertEqual(self.city.meeting_held_count, 1)

    def test_register_members(self):
        meeting = self._create_meeting(self.city, date_begin=self._future())
        registrations = meeting.action_register_community_members()
        self.assertEqual(registrations.partner_id, self.mentor | self.listener | self.listener_2)
        # again: nobody is registered twice
        self.assertFalse(meeting.action_register_community_members())
        empty = self._create_community()
        with self.assertRaises(UserError):
            self._create_meeting(
                empty, date_begin=self._future()
            ).action_register_community_members()
        with self.assertRaises(UserError):
            self._create_event(date_begin=self._future()).action_register_community_members()

    def test_closed_community_meetings_are_for_members(self):
        meeting = self._create_meeting(self.closed, date_begin=self._future())
        with self.assertRaises(ValidationError):
            meeting._register_teachers(self.listener)
        self.assertEqual(len(meeting._register_teachers(self.presenter_2)), 1)
        # the list of a teacher's events leaves out closed communities' meetings
        Event = self.env["event.event"]
        domain = Event._network_portal_domain(self.listener, self.env["res.partner"])
        open_meeting = self._create_meeting(self.city, date_begin=self._future())
        found = Event.search(domain + [("id", "in", (meeting | open_meeting).ids)])
        self.assertEqual(found, open_meeting)
        member_domain = Event._network_portal_domain(self.presenter_2, self.env["res.partner"])
        self.assertEqual(
            Event.search(member_domain + [("id", "in", (meeting | open_meeting).ids)]),
            meeting | open_meeting,
        )

    def test_no_default_attendee_mails(self):
        meeting = self._create_meeting(self.city, date_begin=self._future())
        self.assertFalse(meeting.event_mail_ids)
        values, _errors = self.city._portal_prepare_meeting_values(
            self._meeting_post(), "Europe/Moscow"
        )
        proposal = self.city._propose_meeting(values, self.mentor)
        self.assertFalse(proposal.event_mail_ids)

    def test_a_meeting_is_a_network_event(self):
        with self.assertRaises(ValidationError):
            self._create_meeting(self.city, is_network_event=False)

    # ------------------------------------------------------------------ proposals
    def test_propose_accept(self):
        values, errors = self.city._portal_prepare_meeting_values(
            self._meeting_post(), "Asia/Yekaterinburg"
        )
        self.assertEqual(errors, {})
        self.assertEqual(values["date_begin"].strftime("%H:%M"), "10:30")  # UTC+5
        self.assertEqual(values["date_end"] - values["date_begin"], timedelta(hours=2))
        # what was typed is text: the tags are shown, not interpreted
        self.assertIn("&lt;b&gt;", values["description"])
        event = self.city._propose_meeting(values, self.mentor)
        self.assertEqual(
            (
                event.is_network_event,
                event.community_proposal_state,
                event.community_proposed_by_id,
            ),
            (False, "proposed", self.mentor),
        )
        self.assertNotIn(event, self.city.event_ids)
        self.assertIn(event, self.city.proposal_ids)
        self.assertEqual(event.activity_ids.user_id, self.methodist)
        self.assertEqual(self.city.proposal_count, 1)
        event.with_user(self.methodist).action_accept_community_meeting()
        self.assertEqual(
            (event.is_network_event, event.community_proposal_state), (True, "accepted")
        )
        self.assertIn(event, self.city.event_ids)
        self.assertFalse(event.activity_ids)
        for action in ("action_accept_community_meeting", "action_refuse_community_meeting"):
            with self.subTest(action=action), self.assertRaises(UserError):
                getattr(event, action)()

    def test_propose_refuse(self):
        values, _errors = self.city._portal_prepare_meeting_values(self._meeting_post(), "UTC")
        event = self.city._propose_meeting(values, self.mentor)
        wizard = (
            self.env["network.reason.wizard"]
            .with_user(self.methodist)
            .with_context(active_model="event.event", active_ids=event.ids)
            .create({"reason": "The date clashes with the city conference"})
        )
        wizard.action_confirm()
        self.assertEqual(event.community_proposal_state, "refused")
        self.assertEqual(
            event.community_refusal_reason, "The date clashes with the city conference"
        )
        self.assertFalse(event.is_network_event)
        with self.assertRaises(UserError):
            event.action_accept_community_meeting()
        with self.assertRaises(UserError):
            self._create_meeting(self.city).action_refuse_community_meeting("x")

    def test_propose_refusals(self):
        values, _errors = self.city._portal_prepare_meeting_values(self._meeting_post(), "UTC")
        with self.assertRaises(UserError):
            self.city._propose_meeting(values, self.listener)  # a member, not the leader
        with self.assertRaises(UserError):
            self.city._propose_meeting(values, self.env["res.partner"])
        self.city.action_close()
        with self.assertRaises(UserError):
            self.city._propose_meeting(values, self.mentor)
        self.assertFalse(self.city.proposal_ids)
        # accepting a proposal of a community closed meanwhile is refused too
        self.city.action_reopen()
        event = self.city._propose_meeting(values, self.mentor)
        self.city.action_close()
        with self.assertRaises(UserError):
            event.action_accept_community_meeting()

    def test_meeting_bad_input(self):
        past = (fields.Date.context_today(self.city) - timedelta(days=1)).isoformat()
        far = (fields.Date.context_today(self.city) + timedelta(days=400)).isoformat()
        cases = {
            "empty theme": ({"name": "  "}, "name"),
            "long theme": ({"name": "x" * 256}, "name"),
            "unknown form": ({"event_form": "party"}, "event_form"),
            "form not for meetings": ({"event_form": "expedition"}, "event_form"),
            "no day": ({"date": ""}, "date"),
            "not a day": ({"date": "2026-02-30"}, "date"),
            "not a time": ({"time": "25:00"}, "date"),
            "in the past": ({"date": past}, "date"),
            "too far": ({"date": far}, "date"),
            "too long": ({"duration": "9"}, "duration"),
            "too short": ({"duration": "0"}, "duration"),
            "not a number": ({"duration": "two"}, "duration"),
            "long description": ({"description": "x" * 5001}, "description"),
        }
        for case, (values, field) in cases.items():
            with self.subTest(case=case):
                _values, errors = self.city._portal_prepare_meeting_values(
                    self._meeting_post(**values), "UTC"
                )
                self.assertIn(field, errors)
        # an unknown time zone is read as UTC
        values, errors = self.city._portal_prepare_meeting_values(self._meeting_post(), "Mars/Base")
        self.assertEqual((errors, values["date_tz"]), ({}, "UTC"))
        self.assertEqual(values["date_begin"].time(), datetime.strptime("15:30", "%H:%M").time())

    # ------------------------------------------------------------------ products
    def test_products_are_materials(self):
        material = self._create_material(community_id=self.city.id)
        self.assertEqual(self.city.material_ids, material)
        self.assertEqual(self.city.material_count, 1)
        action = self.city.action_view_materials()
        self.assertEqual(action["domain"], [("community_id", "=", self.city.id)])
        with self.assertRaises(UserError):
            self.city.unlink()
