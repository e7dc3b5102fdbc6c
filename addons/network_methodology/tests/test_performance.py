import logging

from odoo.tests import tagged

from .common import NetworkTestCommon

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestIssueTokensPerformance(NetworkTestCommon):
    """Issuing tokens is a batch operation: its query count must not grow with attendees."""

    def _event_with_attendees(self, count, emails=False):
        event = self._create_event(presenters=self.presenter | self.presenter_2)
        teachers = self._create_teachers(self.applicant, count)
        if emails:
            for index, teacher in enumerate(teachers):
                teacher.email = f"teacher{index}.{teacher.id}@example.com"
        self._register(event, teachers)
        # some noise that must not get tokens: an open registration and a non-teacher
        self._register(event, self._create_teacher(self.third_org), state="open")
        self._register(event, self.third_org)
        request = self._create_request()
        request.action_submit()
        request.action_accept()
        request.write({"state": "scheduled", "event_id": event.id})
        return event, request

    def _issue_and_count_queries(self, count, emails=False):
        event, request = self._event_with_attendees(count, emails)
        self.env.flush_all()
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        tokens = event._issue_tokens()
        self.env.flush_all()
        queries = self.cr.sql_log_count - start
        self.assertEqual(len(tokens), count + 2)
        self.assertEqual(request.state, "done")
        return queries

    def test_query_count_does_not_grow_with_attendees(self):
        self._issue_and_count_queries(3)  # warm the caches
        queries_10 = self._issue_and_count_queries(10)
        queries_50 = self._issue_and_count_queries(50)
        _logger.info(
            "action_issue_tokens: %d queries for 10 attendees, %d for 50", queries_10, queries_50
        )
        self.assertEqual(queries_50, queries_10)
        self.assertLessEqual(queries_50, 30)

    def test_mails_of_500_tokens(self):
        """Tokens issued: at most one mail per teacher and event, rendered in batch. The
        queries grow only with the ORM's insert chunks (100 rows a statement): tokens, their
        school year, mail messages and mails with their recipients — never per token."""
        self._issue_and_count_queries(3, emails=True)  # warm the caches
        queries_50 = self._issue_and_count_queries(50, emails=True)
        before = self.env["mail.mail"].search_count([("model", "=", "network.activity.token")])
        queries_500 = self._issue_and_count_queries(500, emails=True)
        mails = self.env["mail.mail"].search(
            [("model", "=", "network.activity.token")], order="id desc", limit=1000
        )[: self.env["mail.mail"].search_count([("model", "=", "network.activity.token")]) - before]
        _logger.info(
            "tokens with mails: %d queries for 50 attendees, %d for 500", queries_50, queries_500
        )
        self.assertEqual(len(mails), 500)  # the presenters have no email address
        self.assertEqual(len(mails.recipient_ids), 500)
        chunks = 500 // 100 - 1  # insert chunks of 100 rows more than for 50 attendees
        self.assertLessEqual(queries_500 - queries_50, 15 * chunks)
