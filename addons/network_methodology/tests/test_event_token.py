from datetime import datetime, timedelta

import psycopg2

from odoo import Command, fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import NetworkTestCommon


@tagged("post_install", "-at_install")
class TestIssueTokens(NetworkTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.event = cls._create_event(presenters=cls.presenter | cls.presenter_2)
        cls.open_teacher = cls._create_teacher(cls.applicant, "Registered, not attended")
        cls.cancel_teacher = cls._create_teacher(cls.applicant, "Cancelled registration")
        cls.non_teacher = cls.env["res.partner"].create(
            {"name": "Parent, not a teacher", "parent_id": cls.applicant.id}
        )
        cls.registrations = (
            cls._register(
                cls.event, cls.listener | cls.listener_2 | cls.non_teacher | cls.applicant
            )
            | cls._register(cls.event, cls.open_teacher, state="open")
            | cls._register(cls.event, cls.cancel_teacher, state="cancel")
            # a presenter who also registered and attended
            | cls._register(cls.event, cls.presenter)
        )

    def _tokens(self, event):
        return self.env["network.activity.token"].search([("event_id", "=", event.id)])

    def test_issue_tokens(self):
        tokens = self.event._issue_tokens()
        self.assertEqual(tokens._name, "network.activity.token")
        self.assertEqual(tokens, self._tokens(self.event))
        by_key = {(t.partner_id, t.role): t for t in tokens}
        self.assertEqual(
            set(by_key),
            {
                (self.listener, "listener"),
                (self.listener_2, "listener"),
                (self.presenter, "presenter"),
                (self.presenter_2, "presenter"),
            },
        )
        green = by_key[self.listener, "listener"]
        self.assertEqual(green.organization_id, self.applicant)
        self.assertEqual(green.date, self.past_begin.date())
        self.assertEqual(green.school_year_id, self.year)
        self.assertEqual(green.state, "valid")
        self.assertEqual(green.color, 10)
        self.assertEqual(by_key[self.listener_2, "listener"].organization_id, self.third_org)
        red = by_key[self.presenter, "presenter"]
        self.assertEqual(red.organization_id, self.executor)
        self.assertEqual(red.color, 1)
        self.assertEqual(red.host_organization_id, self.executor)
        self.assertEqual(red.event_form, "workshop")
        self.assertTrue(self.event.tokens_issued)
        self.assertEqual(self.event.token_count, 4)

    def test_no_green_for_not_attended_or_non_teachers(self):
        tokens = self.event._issue_tokens()
        for partner in (self.open_teacher, self.cancel_teacher, self.non_teacher, self.applicant):
            with self.subTest(partner=partner.name):
                self.assertNotIn(partner, tokens.partner_id)

    def test_presenter_who_registered_gets_only_red(self):
        tokens = self.event._issue_tokens().filtered(lambda t: t.partner_id == self.presenter)
        self.assertEqual(tokens.mapped("role"), ["presenter"])

    def test_idempotent(self):
        first = self.event._issue_tokens()
        count = self.event.token_count
        second = self.event._issue_tokens()
        self.assertFalse(second)
        self.event.invalidate_recordset(["token_count"])
        self.assertEqual(self.event.token_count, count)
        self.assertEqual(self._tokens(self.event), first)

    def test_reissue_after_new_attendance_adds_only_the_new_tokens(self):
        first = self.event._issue_tokens()
        revoked = first.filtered(lambda t: t.partner_id == self.listener)
        revoked.action_revoke("Left early")
        self.registrations.filtered(lambda r: r.partner_id == self.open_teacher).action_set_done()
        second = self.event._issue_tokens()
        self.assertEqual(second.partner_id, self.open_teacher)
        self.assertEqual(second.role, "listener")
        # the revoked token is not re-issued
        self.assertEqual(revoked.state, "revoked")
        self.assertEqual(len(self._tokens(self.event)), len(first) + 1)

    def test_requests_become_done(self):
        request = self._request_in_state("scheduled")
        cancelled = self._request_in_state("cancelled")
        event = request.event_id
        # a cancelled request of the same event stays cancelled
        cancelled.write({"event_id": event.id})
        self._register(event, self.listener)
        event._issue_tokens()
        self.assertEqual(request.state, "done")
        self.assertEqual(cancelled.state, "cancelled")

    def test_several_events_at_once(self):
        other = self._create_event(presenters=self.presenter_2)
        self._register(other, self.listener)
        tokens = (self.event | other)._issue_tokens()
        self.assertEqual(len(tokens.filtered(lambda t: t.event_id == other)), 2)
        self.assertEqual(len(tokens.filtered(lambda t: t.event_id == self.event)), 4)

    def test_refused_for_non_network_event(self):
        event = self._create_event(network=False)
        self._register(event, self.listener)
        with self.assertRaises(UserError):
            event._issue_tokens()
        with self.assertRaises(UserError):
            (self.event | event)._issue_tokens()
        self.assertFalse(self._tokens(event))
        self.assertFalse(self._tokens(self.event))
        self.assertFalse(self.event.tokens_issued)

    def test_refused_for_future_event(self):
        event = self._create_event(date_begin=fields.Datetime.now() + timedelta(days=1))
        self._register(event, self.listener)
        with self.assertRaises(UserError):
            event._issue_tokens()
        self.assertFalse(self._tokens(event))
        self.assertFalse(event.tokens_issued)

    def test_network_event_has_no_default_mail_schedulers(self):
        network = self._create_event(date_begin=datetime(2091, 1, 10, 10, 0))
        self.assertFalse(network.event_mail_ids)
        plain = self._create_event(network=False, date_begin=datetime(2091, 1, 10, 10, 0))
        # core gives plain events its default schedulers: the test would prove nothing without
        self.assertTrue(plain.event_mail_ids)
        scheduled = self._request_in_state("accepted")._schedule_events(
            date_begin=datetime(2091, 1, 10, 10, 0)
        )
        self.assertFalse(scheduled.event_mail_ids)

    def test_presenters_must_be_teachers(self):
        with self.assertRaises(ValidationError):
            self._create_event(presenters=self.applicant)
        with self.assertRaises(ValidationError):
            self.event.presenter_ids = [Command.link(self.non_teacher.id)]


@tagged("post_install", "-at_install")
class TestToken(NetworkTestCommon):
    def test_unique_teacher_event_role(self):
        event = self._create_event()
        self._create_token(self.listener, event)
        with self.assertRaisesDatabase(psycopg2.errors.UniqueViolation):
            self._create_token(self.listener, event)
        # another role, another event or another teacher is another token
        self._create_token(self.listener, event, role="presenter")
        self._create_token(self.listener, self._create_event())
        self._create_token(self.listener_2, event)
        self.assertEqual(
            self.env["network.activity.token"].search_count([("event_id", "=", event.id)]), 3
        )

    def test_revoke_and_restore(self):
        token = self._create_token()
        self.assertEqual(token.state, "valid")
        self.assertIs(token.action_revoke("Did not attend"), True)
        self.assertEqual(token.state, "revoked")
        self.assertEqual(token.revoke_reason, "Did not attend")
        with self.assertRaises(UserError):
            token.action_revoke()
        self.assertIs(token.action_restore(), True)
        self.assertEqual(token.state, "valid")
        self.assertFalse(token.revoke_reason)
        with self.assertRaises(UserError):
            token.action_restore()
        self.assertEqual(token.state, "valid")

    def test_display_name(self):
        token = self._create_token(role="presenter")
        self.assertIn(self.listener.name, token.display_name)


@tagged("post_install", "-at_install")
class TestEventSheet(NetworkTestCommon):
    """The methodist's buttons on a network event: register, attendance, tokens."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.event = cls._create_event(presenters=cls.presenter)
        cls._register(cls.event, cls.listener | cls.listener_2)
        cls.non_teacher = cls.env["res.partner"].create(
            {"name": "Parent, not a teacher", "parent_id": cls.applicant.id}
        )

    def _tokens(self, event):
        return self.env["network.activity.token"].search([("event_id", "=", event.id)])

    def test_issue_button_says_what_it_did_and_the_event_is_held(self):
        action = self.event.action_issue_tokens()
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(action["params"]["type"], "success")
        green = self._tokens(self.event).filtered(lambda t: t.role == "listener")
        self.assertIn(str(len(green)), action["params"]["message"])
        self.assertTrue(self.event.stage_id.pipe_end, "a held event is in an «ended» stage")
        again = self.event.action_issue_tokens()
        self.assertEqual(again["params"]["type"], "info")  # nothing new: it says so

    def test_attendance_sheet(self):
        event = self._create_event(date_begin=fields.Datetime.now() + timedelta(days=3))
        Wizard = self.env["network.event.register.wizard"].with_context(
            active_model="event.event", active_id=event.id
        )
        wizard = Wizard.create(
            {"teacher_ids": [Command.set((self.listener | self.listener_2).ids)]}
        )
        self.assertFalse(wizard.event_started)
        action = wizard.action_register()
        self.assertIn("2", action["params"]["message"])
        self.assertEqual(set(event.registration_ids.mapped("state")), {"open"})
        self.assertEqual(
            Wizard.create({"teacher_ids": [Command.set(self.listener.ids)]}).action_register()[
                "params"
            ]["type"],
            "info",
        )  # already registered
        action = event.action_mark_all_attended()
        self.assertEqual(set(event.registration_ids.mapped("state")), {"done"})
        self.assertEqual(event.action_mark_all_attended()["params"]["type"], "info")
        # after the event the dialog records who came
        held = self._create_event()
        wizard = self.env["network.event.register.wizard"].create(
            {"event_id": held.id, "teacher_ids": [Command.set(self.listener.ids)]}
        )
        self.assertTrue(wizard.event_started)
        wizard.action_register()
        self.assertEqual(held.registration_ids.state, "done")
        self.assertEqual(held.registration_ids.network_organization_id, self.applicant)
        # only teachers
        with self.assertRaises(ValidationError):
            self.env["network.event.register.wizard"].create(
                {"event_id": held.id, "teacher_ids": [Command.set(self.non_teacher.ids)]}
            ).action_register()
