import logging

from odoo.tests import tagged

from .common import NetworkTestCommon

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestIssueTokensPerformance(NetworkTestCommon):
    """Issuing tokens is a batch operation: its query count must not grow with attendees."""

    def _event_with_attendees(self, count):
        event = self._create_event(presenters=self.presenter | self.presenter_2)
        teachers = self._create_teachers(self.applicant, count)
        self._register(event, teachers)
        # some noise that must not get tokens: an open registration and a non-teacher
        self._register(event, self._create_teacher(self.third_org), state="open")
        self._register(event, self.third_org)
        request = self._create_request()
        request.action_submit()
        request.action_accept()
        request.write({"state": "scheduled", "event_id": event.id})
        return event, request

    def _issue_and_count_queries(self, count):
        event, request = self._event_with_attendees(count)
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
