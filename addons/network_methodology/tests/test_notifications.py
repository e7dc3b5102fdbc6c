from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .portal_common import NetworkPortalCommon


@tagged("post_install", "-at_install")
class TestNotifications(NetworkPortalCommon):
    """The workflow's mails: to the right people, in their language, one per teacher."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("ru_RU")
        # a second coordinator of the executor who reads Russian
        cls.coordinator_exec_ru = cls._create_coordinator("coord_exec_ru", cls.executor, "Ирина")
        cls.coordinator_exec_ru.partner_id.lang = "ru_RU"
        cls.coordinator_exec.partner_id.lang = "en_US"
        cls.coordinator_appl.partner_id.lang = "en_US"

    def _mails(self, record):
        return self.env["mail.mail"].search(
            [("model", "=", record._name), ("res_id", "in", record.ids)]
        )

    def test_submitted_request_mails_the_executors_coordinators_in_their_language(self):
        request = self._create_request()
        request.action_submit()
        mails = self._mails(request)
        self.assertEqual(len(mails), 2)  # one per language
        by_recipient = {mail.recipient_ids: mail for mail in mails}
        english = by_recipient[self.coordinator_exec.partner_id]
        russian = by_recipient[self.coordinator_exec_ru.partner_id]
        self.assertIn(request.name, english.subject)
        self.assertIn("requests an event", english.body_html)
        self.assertIn(self.applicant.name, english.body_html)
        self.assertNotIn("requests an event", russian.body_html)
        # the applicant's coordinator and teachers are not told their own request
        recipients = mails.recipient_ids
        self.assertNotIn(self.coordinator_appl.partner_id, recipients)
        self.assertNotIn(self.teacher_user.partner_id, recipients)

    def test_answers_mail_the_applicants_coordinators(self):
        request = self._create_request()
        request.action_submit()
        before = self._mails(request)
        request.action_accept()
        accepted = self._mails(request) - before
        self.assertEqual(accepted.recipient_ids, self.coordinator_appl.partner_id)
        self.assertIn("accepted your request", accepted.body_html)
        event = request.action_schedule()
        scheduled = self._mails(request) - before - accepted
        self.assertIn(event.name, scheduled.body_html)
        other = self._create_request(requester=self.applicant)
        other.action_submit()
        seen = self._mails(other)
        other.action_reject("Нет мест")
        rejected = self._mails(other) - seen
        self.assertIn("Нет мест", rejected.body_html)
        self.assertEqual(rejected.recipient_ids, self.coordinator_appl.partner_id)

    def test_tokens_mail_each_teacher_once(self):
        teachers = self._create_teachers(self.applicant, 5)
        for index, teacher in enumerate(teachers):
            teacher.email = f"t{index}@example.com"
        teachers[4].email = False  # no address: no mail
        self.presenter.write({"email": "presenter@example.com", "lang": "en_US"})
        event = self._create_event()
        self._register(event, teachers | self.presenter)
        tokens = event._issue_tokens()
        mails = self._mails(tokens)
        self.assertEqual(len(mails), 5)  # four listeners and the presenter
        self.assertEqual(len(mails.recipient_ids), 5)
        presenter_mail = mails.filtered(lambda m: m.recipient_ids == self.presenter)
        self.assertIn("red token", presenter_mail.body_html)
        # issuing again creates no token and no mail
        event._issue_tokens()
        self.assertEqual(self._mails(event.token_ids), mails)

    def test_reminder_the_day_before_once(self):
        tomorrow = self._create_event(date_begin=fields.Datetime.now() + timedelta(hours=20))
        later = self._create_event(date_begin=fields.Datetime.now() + timedelta(days=3))
        registrations = self._register(tomorrow, self.listener, "open") | self._register(
            later, self.listener, "open"
        )
        sent = self.env["event.event"]._cron_network_reminders()
        self.assertEqual(sent, registrations[0])
        self.assertEqual(self._mails(sent).recipient_ids, self.listener)
        self.assertFalse(self.env["event.event"]._cron_network_reminders() & registrations)

    def test_reviewed_material_mails_its_authors(self):
        self.presenter.email = "presenter@example.com"
        material = self._create_material()
        material.action_submit()
        material.action_reject("Добавьте лист самооценки")
        mail = self._mails(material)
        self.assertEqual(mail.recipient_ids, material.author_ids.filtered("email"))
        self.assertIn("Добавьте лист самооценки", mail.body_html)


@tagged("post_install", "-at_install")
class TestFollowers(NetworkPortalCommon):
    """Who gets the workflow's mails is who follows the document for them: parties follow from
    the step that concerns them, anyone may unfollow or follow as in Odoo."""

    SUBMITTED = "network_methodology.mt_network_request_submitted"
    ANSWERED = "network_methodology.mt_network_request_answered"

    def _mails(self, record):
        return self.env["mail.mail"].search(
            [("model", "=", record._name), ("res_id", "in", record.ids)]
        )

    def _subtypes(self, record, partner):
        follower = record.message_follower_ids.filtered(lambda f: f.partner_id == partner)
        return set(follower.subtype_ids.get_external_id().values())

    def test_submitting_makes_each_sides_coordinators_follow_for_their_mails(self):
        request = self._create_request()
        request.action_submit()
        self.assertEqual(
            self._subtypes(request, self.coordinator_exec.partner_id), {self.SUBMITTED}
        )
        self.assertEqual(self._subtypes(request, self.coordinator_appl.partner_id), {self.ANSWERED})
        self.assertNotIn(self.teacher_user.partner_id, request.message_partner_ids)

    def test_unfollowing_stops_the_mails_and_following_starts_them(self):
        request = self._create_request()
        request.action_submit()
        request.with_user(self.coordinator_appl).action_network_unfollow()
        methodist = self._create_user("follow_methodist", "network_methodology.group_network_user")
        methodist.partner_id.email = "methodist@example.com"
        request.with_user(methodist).action_network_follow()
        self.assertIn(self.ANSWERED, self._subtypes(request, methodist.partner_id))
        before = self._mails(request)
        request.action_accept()
        accepted = self._mails(request) - before
        self.assertEqual(accepted.recipient_ids, methodist.partner_id)
        # the unfollowed coordinator is not subscribed again by a later step
        request.action_schedule()
        self.assertNotIn(self.coordinator_appl.partner_id, request.message_partner_ids)
        self.assertNotIn(self.coordinator_appl.partner_id, self._mails(request).recipient_ids)

    def test_a_follower_who_unticks_the_subtype_gets_nothing(self):
        request = self._create_request()
        request.action_submit()
        follower = request.message_follower_ids.filtered(
            lambda f: f.partner_id == self.coordinator_appl.partner_id
        )
        follower.subtype_ids = self.env.ref("mail.mt_comment")
        before = self._mails(request)
        request.action_reject("Нет мест")
        self.assertFalse(self._mails(request) - before)

    def test_the_department_cannot_follow(self):
        department = self._create_user(
            "follow_department", "network_methodology.group_network_department"
        )
        request = self._create_request()
        with self.assertRaises(AccessError):
            request.with_user(department).action_network_follow()
        self.assertNotIn(department.partner_id, request.message_partner_ids)

    def test_material_authors_follow_from_submission(self):
        self.presenter.email = "presenter@example.com"
        material = self._create_material()
        material.action_submit()
        self.assertIn(self.presenter, material.message_partner_ids)
        material.message_unsubscribe(self.presenter.ids)
        material.action_approve()
        self.assertFalse(self._mails(material))

    def test_portal_page_follows_and_unfollows(self):
        request = self._create_request()
        request.action_submit()
        self._login(self.coordinator_appl)
        page = self.url_open(request.access_url)
        self.assertIn("o_network_unfollow", page.text)
        self._post(f"{request.access_url}/unfollow")
        self.assertNotIn(self.coordinator_appl.partner_id, request.message_partner_ids)
        page = self.url_open(request.access_url)
        self.assertIn("o_network_follow_button", page.text)
        self._post(f"{request.access_url}/follow")
        self.assertEqual(
            self._subtypes(request, self.coordinator_appl.partner_id),
            {self.SUBMITTED, self.ANSWERED},
        )
        # over JSON-RPC, with read access only, as for any Odoo document
        self.assertTrue(self._rpc("network.request", "action_network_unfollow", [request.id]))
        self.assertNotIn(self.coordinator_appl.partner_id, request.message_partner_ids)

    def test_strangers_cannot_follow(self):
        request = self._create_request()
        request.action_submit()
        stranger_org = self._create_org("Stranger school", agreement=True)
        stranger = self._create_coordinator("coord_stranger", stranger_org, "Oleg")
        self._login(stranger)
        response = self._post(f"{request.access_url}/follow")
        self.assertEqual(response.status_code, 404)
        self.assertNotIn(stranger.partner_id, request.message_partner_ids)
        # a path naming no followable document
        self._login(self.coordinator_appl)
        response = self._post(f"/my/network/agreements/{request.id}/follow")
        self.assertEqual(response.status_code, 404)
