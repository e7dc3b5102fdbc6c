"""Benchmark of the year-end certificate issue: 10,000 eligible teachers.

Not collected by default (the file name does not start with ``test_`` and tests/__init__.py does
not import it). Run it explicitly with pytest-odoo, on a throw-away database::

    bash scripts/test.sh addons/network_certification/tests/benchmark_year_end.py -s

or on a database where both add-ons are installed::

    source scripts/lib.sh; setup_all
    python -m pytest addons/network_certification/tests/benchmark_year_end.py -s \\
        --odoo-database=nm_cert_bench --odoo-config=odoo.conf \\
        --odoo-addons-path="$(addons_path)"

NETCERT_BENCH_TEACHERS sets the number of teachers (default 10000). Everything is created in
the test transaction and rolled back. The figures go to tests/BENCHMARKS.md.
"""

import logging
import os
import sys
import time
from datetime import date, datetime

from odoo.tests import TransactionCase, tagged

_logger = logging.getLogger(__name__)

TEACHERS = int(os.environ.get("NETCERT_BENCH_TEACHERS", "10000"))
SMALL = 1000


@tagged("post_install", "-at_install", "-standard", "netcert_benchmark")
class BenchmarkYearEnd(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Year = cls.env["network.school.year"]
        cls.years = Year.create(
            [
                {
                    "name": f"{start}/{start + 1} bench",
                    "date_start": date(start, 9, 1),
                    "date_end": date(start + 1, 8, 31),
                }
                for start in (1930, 1931, 1932)
            ]
        )
        cls.year = cls.years.sorted("date_start")[-1]
        cls.orgs = cls.env["res.partner"].create(
            [
                {"name": f"Bench school {i}", "is_company": True, "is_network_member": True}
                for i in range(100)
            ]
        )
        cls.events = cls.env["event.event"].create(
            [
                {
                    "name": f"Bench event {start}",
                    "is_network_event": True,
                    "host_organization_id": cls.orgs[0].id,
                    "date_begin": datetime(start + 1, 3, 1, 9, 0),
                    "date_end": datetime(start + 1, 3, 1, 11, 0),
                }
                for start in (1930, 1931, 1932)
            ]
        )

    def _teachers_with_tokens(self, count, tag):
        """``count`` teachers with three tokens each, one per school year of the window;
        every third teacher presented three times (red) and becomes a network teacher."""
        started = time.perf_counter()
        teachers = self.env["res.partner"].create(
            [
                {
                    "name": f"Bench teacher {tag} {i}",
                    "parent_id": self.orgs[i % len(self.orgs)].id,
                    "is_teacher": True,
                }
                for i in range(count)
            ]
        )
        self.env["network.activity.token"].create(
            [
                {
                    "partner_id": teacher.id,
                    "organization_id": teacher.parent_id.id,
                    "event_id": event.id,
                    "role": "presenter" if i % 3 == 0 else "listener",
                    "date": event.date_begin.date(),
                }
                for i, teacher in enumerate(teachers)
                for event in self.events
            ]
        )
        self.env.flush_all()
        self.env.invalidate_all()
        _logger.info(
            "benchmark data: %d teachers, %d tokens in %.1f s",
            count,
            3 * count,
            time.perf_counter() - started,
        )
        return teachers

    def _measure(self, count, tag):
        teachers = self._teachers_with_tokens(count, tag)
        Certificate = self.env["network.certificate"]
        queries = self.cr.sql_log_count
        started = time.perf_counter()
        preview = self.env["network.activity.token"]._certification_eligible(self.year)
        preview_time = time.perf_counter() - started
        preview_queries = self.cr.sql_log_count - queries
        self.assertEqual(len(preview), count)

        queries = self.cr.sql_log_count
        started = time.perf_counter()
        certificates = Certificate._issue_teacher_certificates(self.year)
        self.env.flush_all()
        issue_time = time.perf_counter() - started
        issue_queries = self.cr.sql_log_count - queries
        self.assertEqual(len(certificates), count)
        self.assertEqual(certificates.partner_id, teachers)
        network_teachers = certificates.filtered(lambda c: c.certificate_kind == "network_teacher")
        self.assertEqual(len(network_teachers), (count + 2) // 3)

        # the Open Badges signing inside the issue, measured alone: the same certificates
        # signed again from scratch (revocation list entries, payloads, signatures, UPDATE)
        self.env.cr.execute(
            "UPDATE network_certificate SET credential_jwt = NULL, status_list_id = NULL, "
            "status_list_index = NULL WHERE id IN %s",
            [tuple(certificates.ids)],
        )
        self.env.invalidate_all()
        queries = self.cr.sql_log_count
        started = time.perf_counter()
        signed = certificates._credential_issue()
        self.env.flush_all()
        sign_time = time.perf_counter() - started
        sign_queries = self.cr.sql_log_count - queries
        self.assertEqual(len(signed), count)
        self.assertEqual(len(set(certificates.mapped("status_list_index"))), count)

        queries = self.cr.sql_log_count
        started = time.perf_counter()
        self.assertFalse(Certificate._issue_teacher_certificates(self.year))
        rerun_time = time.perf_counter() - started
        rerun_queries = self.cr.sql_log_count - queries
        message = (
            "BENCHMARK year-end issue, %d teachers: preview %.2f s / %d queries; "
            "issue %.2f s / %d queries, of which signing the credentials %.2f s / %d queries; "
            "second run %.2f s / %d queries"
        ) % (
            count,
            preview_time,
            preview_queries,
            issue_time,
            issue_queries,
            sign_time,
            sign_queries,
            rerun_time,
            rerun_queries,
        )
        _logger.info(message)
        # pytest-odoo runs do not show Odoo's log: the figures go to stderr too (use -s)
        sys.stderr.write(message + "\n")
        return issue_queries

    def test_year_end_issue_10000_teachers(self):
        # a smaller run first: the query count must be the same for many more teachers
        small = self._measure(SMALL, "small")
        large = self._measure(TEACHERS, "large")
        # the same queries, except that the ORM reads the certificates' fields for the
        # credentials in chunks of 1,000 records (PREFETCH_MAX)
        self.assertLessEqual(large, small + TEACHERS // 1000)
