import logging

from odoo.tests import tagged

from .common import CertificationTestCommon

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestYearEndPerformance(CertificationTestCommon):
    """The year-end issue is one batch: its query count does not grow with the teachers.
    The 10,000-teacher figure is measured by benchmark_year_end.py (see BENCHMARKS.md)."""

    def _teachers_with_tokens(self, count):
        teachers = self._create_teachers(self.applicant, count) | self._create_teachers(
            self.executor, count
        )
        events = self.past_events[1990][:3] | self.past_events[1989][:1]
        self.env["network.activity.token"].create(
            [
                {
                    "partner_id": teacher.id,
                    "organization_id": teacher.parent_id.id,
                    "event_id": event.id,
                    # executor teachers present (red), applicant teachers listen (green)
                    "role": "presenter" if teacher.parent_id == self.executor else "listener",
                    "date": event.date_begin.date(),
                }
                for teacher in teachers
                for event in events
            ]
        )
        return teachers

    def _issue_and_count_queries(self, count):
        teachers = self._teachers_with_tokens(count)
        self.env.flush_all()
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        certificates = self.Certificate._issue_teacher_certificates(self.year)
        self.env.flush_all()
        queries = self.cr.sql_log_count - start
        self.assertEqual(certificates.partner_id, teachers)
        self.assertEqual(
            sorted(set(certificates.mapped("certificate_kind"))), ["network_teacher", "teacher"]
        )
        self.assertEqual(len(certificates.token_ids), 8 * count)
        return queries

    def test_query_count_does_not_grow_with_teachers(self):
        self._issue_and_count_queries(3)  # warm the caches
        queries_20 = self._issue_and_count_queries(20)
        queries_60 = self._issue_and_count_queries(60)
        _logger.info(
            "year-end issue: %d queries for 40 teachers, %d for 120", queries_20, queries_60
        )
        self.assertEqual(queries_60, queries_20)
        # 12 to issue; as many again to sign the Open Badges credentials of the batch (key,
        # revocation list and its free indexes, the certificates' and company's fields, the
        # tokens' events for the evidence, one UPDATE storing every credential)
        self.assertLessEqual(queries_60, 24)

    def test_platform_facts_query_count(self):
        decision = self.env["network.council.decision"]
        self.env.flush_all()
        start = self.cr.sql_log_count
        decision._get_platform_facts(self.year)
        self.assertLessEqual(self.cr.sql_log_count - start, 4)
