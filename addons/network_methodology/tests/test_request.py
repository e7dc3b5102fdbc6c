from datetime import datetime, timedelta

import psycopg2
import pytz

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import NetworkTestCommon

STATES = ("draft", "submitted", "accepted", "scheduled", "done", "rejected", "cancelled")


@tagged("post_install", "-at_install")
class TestRequest(NetworkTestCommon):
    def test_number_and_related_fields(self):
        request = self._create_request()
        self.assertTrue(request.name)
        self.assertNotIn(request.name, ("New", "Новый"))
        self.assertEqual(request.executor_id, self.executor)
        self.assertEqual(request.project_id, self.subproject)
        self.assertEqual(request.event_form, "seminar")
        self.assertEqual(request.state, "draft")
        self.assertNotEqual(self._create_request().name, request.name)

    def test_own_organization_refused(self):
        with self.assertRaises(ValidationError):
            self._create_request(requester=self.executor)
        request = self._create_request()
        with self.assertRaises(ValidationError):
            request.requester_id = self.executor

    def test_unpublished_offer_refused(self):
        draft_offer = self._create_offer(self.executor, self.presenter, publish=False)
        with self.assertRaises(ValidationError):
            self._create_request(draft_offer)
        archived_offer = self._create_offer(self.executor, self.presenter)
        archived_offer.action_archive_offer()
        with self.assertRaises(ValidationError):
            self._create_request(archived_offer)
        request = self._create_request()
        with self.assertRaises(ValidationError):
            request.offer_id = archived_offer

    def test_submit_refused_once_offer_archived(self):
        offer = self._create_offer(self.executor, self.presenter)
        request = self._create_request(offer)
        offer.action_archive_offer()
        with self.assertRaises(UserError):
            request.action_submit()
        self.assertEqual(request.state, "draft")

    def test_participants_planned_must_be_positive(self):
        for planned in (0, -3):
            with self.subTest(planned=planned):
                with self.assertRaisesDatabase(psycopg2.errors.CheckViolation):
                    self._create_request(participants_planned=planned)
        request = self._create_request()
        with self.assertRaisesDatabase(psycopg2.errors.CheckViolation):
            request.participants_planned = 0

    def test_happy_path(self):
        request = self._create_request()
        self.assertIs(request.action_submit(), True)
        self.assertEqual(request.state, "submitted")
        self.assertIs(request.action_accept(), True)
        self.assertEqual(request.state, "accepted")
        event = request._schedule_events(date_begin=self.past_begin)
        self.assertEqual(request.state, "scheduled")
        self.assertEqual(request.event_id, event)
        self._register(event, self.listener)
        event._issue_tokens()
        self.assertEqual(request.state, "done")

    def test_reject(self):
        for source in ("submitted", "accepted"):
            with self.subTest(source=source):
                request = self._request_in_state(source)
                self.assertIs(request.action_reject("No presenter available"), True)
                self.assertEqual(request.state, "rejected")
                self.assertEqual(request.rejection_reason, "No presenter available")

    def test_cancel(self):
        for source in ("draft", "submitted", "accepted", "scheduled"):
            with self.subTest(source=source):
                request = self._request_in_state(source)
                self.assertIs(request.action_cancel(), True)
                self.assertEqual(request.state, "cancelled")

    def test_unlink_only_draft_or_cancelled(self):
        for state in STATES:
            with self.subTest(state=state):
                request = self._request_in_state(state)
                if state in ("draft", "cancelled"):
                    request.unlink()
                    self.assertFalse(request.exists())
                else:
                    with self.assertRaises(UserError):
                        request.unlink()
                    self.assertTrue(request.exists())

    def test_out_of_order_transitions_refused(self):
        allowed = {
            "action_submit": {"draft"},
            "action_accept": {"submitted"},
            "action_reject": {"submitted", "accepted"},
            "action_schedule": {"accepted"},
            "action_cancel": {"draft", "submitted", "accepted", "scheduled"},
        }
        requests = {state: self._request_in_state(state) for state in STATES}
        for action, sources in allowed.items():
            for state in set(STATES) - sources:
                with self.subTest(action=action, state=state):
                    request = requests[state]
                    event = request.event_id
                    with self.assertRaises(UserError):
                        getattr(request, action)()
                    self.assertEqual(request.state, state)
                    self.assertEqual(request.event_id, event)

    def test_batch_transition_is_all_or_nothing(self):
        draft = self._request_in_state("draft")
        submitted = self._request_in_state("submitted")
        with self.assertRaises(UserError):
            (draft | submitted).action_submit()
        self.assertEqual(draft.state, "draft")
        self.assertEqual(submitted.state, "submitted")

    def test_schedule_creates_event_from_offer(self):
        self.offer.max_participants = 30
        request = self._request_in_state("accepted")
        begin = datetime(2091, 5, 20, 7, 0)
        end = datetime(2091, 5, 20, 11, 30)
        events = request._schedule_events(date_begin=begin, date_end=end)
        self.assertEqual(events._name, "event.event")
        self.assertEqual(len(events), 1)
        event = events
        self.assertTrue(event.is_network_event)
        self.assertEqual(event.name, self.offer.name)
        self.assertEqual(event.event_form, "seminar")
        self.assertEqual(event.host_organization_id, self.executor)
        self.assertEqual(event.organizer_id, self.executor)
        self.assertEqual(event.presenter_ids, self.presenter)
        self.assertEqual(event.project_id, self.subproject)
        self.assertEqual(event.offer_id, self.offer)
        self.assertEqual(event.date_begin, begin)
        self.assertEqual(event.date_end, end)
        self.assertEqual(event.seats_max, 30)
        self.assertTrue(event.seats_limited)
        self.assertEqual(event.request_ids, request)
        self.assertEqual(request.state, "scheduled")
        self.assertEqual(request.event_id, event)
        self.assertFalse(event.tokens_issued)

    def test_schedule_default_dates(self):
        """Without dates: the preferred date at 10:00 in the user's time zone, for the
        offer's duration."""
        self.env.user.tz = "Europe/Moscow"
        request = self._request_in_state("accepted")
        request.date_wished = self.today + timedelta(days=30)
        event = request.action_schedule()
        local = pytz.timezone("Europe/Moscow").localize(
            datetime.combine(request.date_wished, datetime.min.time().replace(hour=10))
        )
        expected = local.astimezone(pytz.utc).replace(tzinfo=None)
        self.assertEqual(event.date_begin, expected)
        self.assertEqual(event.date_end, expected + timedelta(hours=3))
        self.assertEqual(event.seats_max, 5)  # no maximum on the offer: the planned participants
        self.assertFalse(event.seats_limited)

    def test_schedule_without_preferred_date(self):
        request = self._request_in_state("accepted")
        event = request.action_schedule()
        self.assertEqual(event.date_begin.date(), self.today + timedelta(days=14))

    def test_schedule_refuses_end_before_start(self):
        request = self._request_in_state("accepted")
        events_before = self.env["event.event"].search_count([])
        with self.assertRaises(ValidationError):
            request._schedule_events(
                date_begin=datetime(2091, 5, 20, 10, 0), date_end=datetime(2091, 5, 20, 9, 0)
            )
        self.assertEqual(request.state, "accepted")
        self.assertFalse(request.event_id)
        self.assertEqual(self.env["event.event"].search_count([]), events_before)

    def test_schedule_batch_creates_one_event_per_request(self):
        first = self._request_in_state("accepted")
        other_offer = self._create_offer(self.executor, self.presenter_2)
        second = self._create_request(other_offer, requester=self.third_org)
        second.action_submit()
        second.action_accept()
        events = (first | second)._schedule_events(date_begin=datetime(2091, 5, 20, 10, 0))
        self.assertEqual(len(events), 2)
        self.assertEqual(first.event_id | second.event_id, events)
        self.assertEqual(first.event_id.offer_id, self.offer)
        self.assertEqual(second.event_id.offer_id, other_offer)
        self.assertEqual(second.event_id.presenter_ids, self.presenter_2)

    def test_schedule_into_a_planned_event(self):
        """One seminar serves several applicants: a second accepted request joins the event
        the first one created."""
        first = self._request_in_state("accepted")
        event = first.action_schedule()
        second = self._create_request(self.offer, requester=self.third_org)
        second.action_submit()
        second.action_accept()
        self.assertEqual(second.planned_event_count, 1)
        with Form(
            self.env["network.request.schedule.wizard"].with_context(
                active_model="network.request", active_id=second.id
            )
        ) as form:
            self.assertEqual(form.available_event_ids[:], event)
            form.event_id = event
        action = form.record.action_schedule()
        self.assertEqual(action["res_id"], event.id)
        self.assertEqual((second.state, second.event_id), ("scheduled", event))
        self.assertEqual(event.request_ids, first | second)
        self.assertEqual(
            self.env["event.event"].search_count([("offer_id", "=", self.offer.id)]), 1
        )
        # tokens finish both requests
        event.write({"date_begin": datetime(2000, 1, 1, 9), "date_end": datetime(2000, 1, 1, 11)})
        event._issue_tokens()
        self.assertEqual(set((first | second).mapped("state")), {"done"})

    def test_schedule_into_event_refusals(self):
        request = self._request_in_state("accepted")
        future = datetime(2091, 5, 20, 10, 0)
        other_host = self._create_event(
            host=self.third_org,
            presenters=self._create_teacher(self.third_org),
            date_begin=future,
        )
        with self.assertRaises(UserError):
            request.action_schedule(other_host)
        held = self._create_event(
            host=self.executor,
            presenters=self.presenter,
            date_begin=datetime(2000, 1, 1, 9),
        )
        with self.assertRaises(UserError):
            request.action_schedule(held)
        self.assertEqual((request.state, request.event_id.id), ("accepted", False))
        submitted = self._request_in_state("submitted")
        planned = self._create_event(
            host=self.executor, presenters=self.presenter, date_begin=future
        )
        with self.assertRaises(UserError):
            submitted.action_schedule(planned)
        self.assertEqual(submitted.state, "submitted")

    def test_dates_of_submission_and_rejection(self):
        request = self._create_request()
        request.action_submit()
        self.assertEqual(request.date_submitted, self.today)
        request.action_reject("No places")
        self.assertEqual(request.date_rejected, self.today)

    def test_schedule_open_returns_event_action(self):
        request = self._request_in_state("accepted")
        action = request.action_schedule_open()
        self.assertEqual(action["res_model"], "event.event")
        self.assertEqual(action["res_id"], request.event_id.id)
