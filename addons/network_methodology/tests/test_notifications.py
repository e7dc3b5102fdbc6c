from datetime import timedelta

from odoo import fields
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
